// An embedded calculator (/inbedden/) tells the page around it how tall it is, so that page's
// <iframe> can fit it without a scroll bar. Only a number leaves the frame: never an answer or
// anything a visitor typed. The embedding page checks the sender's origin (README, "Inbedden").
(function () {
  if (window.parent === window) return;
  var laatste = 0;
  function meld() {
    // The theme stretches the page to the frame's height; measure where the content ends.
    var inhoud = document.querySelector(".md-content") || document.body;
    var hoogte = Math.ceil(inhoud.getBoundingClientRect().bottom + window.scrollY) + 16;
    if (hoogte === laatste) return;
    laatste = hoogte;
    window.parent.postMessage({ type: "wmo-rekenhulp-hoogte", hoogte: hoogte }, "*");
  }
  if (window.ResizeObserver) {
    var waarnemer = new ResizeObserver(meld);
    waarnemer.observe(document.documentElement);
    var inhoud = document.querySelector(".md-content");
    if (inhoud) waarnemer.observe(inhoud);
  }
  window.addEventListener("load", meld);
  meld();
})();
