// A printed page carries the date it was printed and the page's address, so a reader of the
// paper can tell how current it is and where to check it. Nothing leaves the device.
(function () {
  var maanden = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"];
  function vul() {
    var nu = new Date();
    var datum = nu.getDate() + " " + maanden[nu.getMonth()] + " " + nu.getFullYear();
    var adres = location.href.split("#")[0];
    var voet = document.querySelector(".wmo-afdruk");
    if (!voet) {
      voet = document.createElement("div");
      voet.className = "wmo-afdruk";
      var doel = document.querySelector(".md-content__inner") || document.body;
      doel.appendChild(voet);
    }
    voet.textContent = "Afgedrukt op " + datum + " van " + adres +
      ". Controleer op die pagina of de gegevens nog gelden; de bronnen staan bij elk getal.";
  }
  window.addEventListener("beforeprint", vul);
  if (window.matchMedia) {
    var mq = window.matchMedia("print");
    if (mq.addEventListener) mq.addEventListener("change", function (e) { if (e.matches) vul(); });
  }
})();
