document.getElementById('app').textContent = 'webpack app';
