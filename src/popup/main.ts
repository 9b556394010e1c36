const app = document.getElementById('app');
if (app) app.textContent = 'Runpod SSH Key Helper';
