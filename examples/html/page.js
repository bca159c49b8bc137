// Page script of the plain HTML example: a dark-mode switch (the host page opts in with a
// class on <html>), a language switch, and a listener for the widgets' fokus-select.
const root = document.documentElement;
const themeButton = document.getElementById('theme');
const langButton = document.getElementById('lang');

themeButton.addEventListener('click', () => {
  const dark = root.classList.toggle('fokus-theme-dark');
  themeButton.setAttribute('aria-pressed', String(dark));
  // a chart draws its SVG with the colours of the moment: draw it again
  for (const chart of document.querySelectorAll('indicator-chart')) {
    const region = chart.getAttribute('region');
    chart.setAttribute('region', '');
    requestAnimationFrame(() => chart.setAttribute('region', region));
  }
});

langButton.addEventListener('click', () => {
  root.lang = root.lang === 'en' ? 'de' : 'en';
  langButton.textContent = root.lang === 'en' ? 'Deutsch' : 'English';
  themeButton.textContent = root.lang === 'en' ? 'Dark' : 'Dunkel';
});

document.addEventListener('fokus-select', (event) => {
  document.getElementById('region').textContent = event.detail.region;
});
