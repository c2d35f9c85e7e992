// kansrijk web: drag-and-drop and progress. The pages work without this
// script; it only makes uploading and waiting nicer.
"use strict";

(function () {
  function mb(n) { return Math.floor(n / (1 << 20)); }

  // Aanleveren: files dropped on the box go into the file field; the form
  // is sent with upload progress, and the browser then follows the job.
  var form = document.getElementById("aanleverformulier");
  if (form) {
    var input = document.getElementById("bestanden");
    var vak = document.getElementById("sleepvak");
    var gekozen = document.getElementById("gekozen");
    var bericht = document.getElementById("formulier-bericht");
    var verzenden = document.getElementById("verzenden");
    var balk = document.getElementById("verzend-balk");
    var knop = form.querySelector("button[type=submit]");

    var toon = function () {
      gekozen.textContent = "";
      for (var i = 0; i < input.files.length; i++) {
        var li = document.createElement("li");
        var f = input.files[i];
        li.textContent = f.name + " (" + Math.max(1, Math.round(f.size / 1024)) + " kB)";
        gekozen.appendChild(li);
      }
    };
    input.addEventListener("change", toon);
    ["dragenter", "dragover"].forEach(function (t) {
      vak.addEventListener(t, function (e) { e.preventDefault(); vak.classList.add("erboven"); });
    });
    ["dragleave", "drop"].forEach(function (t) {
      vak.addEventListener(t, function () { vak.classList.remove("erboven"); });
    });
    vak.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        toon();
        bericht.textContent = e.dataTransfer.files.length + " bestand(en) gekozen. Kies Inlezen om ze in te lezen.";
      }
    });

    // The server checks the same bounds; checking here first spares
    // sending a file that would be refused.
    var grens = function () {
      var maxN = +form.dataset.maxBestanden, maxB = +form.dataset.maxBestand, maxT = +form.dataset.maxTotaal;
      var totaal = 0;
      if (input.files.length > maxN) {
        return "Dat zijn te veel bestanden: hoogstens " + maxN + " per keer. Lever de rest daarna aan.";
      }
      for (var i = 0; i < input.files.length; i++) {
        totaal += input.files[i].size;
        if (input.files[i].size > maxB) {
          return input.files[i].name + " is te groot: hoogstens " + mb(maxB) + " MB per bestand.";
        }
      }
      if (totaal > maxT) {
        return "Deze aanlevering is te groot: samen hoogstens " + mb(maxT) + " MB per keer. Lever de bestanden in delen aan.";
      }
      return "";
    };

    form.addEventListener("submit", function (e) {
      if (!window.FormData || !window.XMLHttpRequest) { return; }
      e.preventDefault();
      var te = grens();
      if (te) { bericht.textContent = te; bericht.className = "bericht fout"; return; }
      bericht.textContent = "";
      bericht.className = "";
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("X-CSRF-Token", form.elements.csrf.value);
      xhr.upload.addEventListener("progress", function (p) {
        if (p.lengthComputable) { balk.value = Math.round(100 * p.loaded / p.total); }
      });
      xhr.addEventListener("load", function () {
        var antwoord = {};
        try { antwoord = JSON.parse(xhr.responseText); } catch (err) { /* not JSON */ }
        if (xhr.status === 200 && antwoord.naar) {
          bericht.textContent = "Verstuurd; het inlezen begint.";
          window.location.assign(antwoord.naar);
          return;
        }
        verzenden.hidden = true;
        knop.disabled = false;
        bericht.className = "bericht fout";
        bericht.textContent = antwoord.fout || "Het versturen lukte niet (" + xhr.status + "). Probeer het opnieuw.";
      });
      xhr.addEventListener("error", function () {
        verzenden.hidden = true;
        knop.disabled = false;
        bericht.className = "bericht fout";
        bericht.textContent = "Het versturen lukte niet: kansrijk web is niet bereikbaar of brak de verbinding af. Controleer de grootte en probeer het opnieuw.";
      });
      verzenden.hidden = false;
      balk.value = 0;
      knop.disabled = true;
      bericht.textContent = "Bezig met versturen…";
      xhr.send(new FormData(form));
    });
  }

  // A running job: ask for its progress until it is done, then show the
  // finished page.
  var taak = document.getElementById("taak");
  if (taak) {
    var tekst = document.getElementById("taak-tekst");
    var tbalk = document.getElementById("taak-balk");
    var vraag = function () {
      var xhr = new XMLHttpRequest();
      xhr.open("GET", "/taak/" + encodeURIComponent(taak.dataset.taak) + "/voortgang");
      xhr.setRequestHeader("Accept", "application/json");
      xhr.addEventListener("load", function () {
        var st;
        try { st = JSON.parse(xhr.responseText); } catch (err) { return; }
        if (st.fase === "klaar") { window.location.reload(); return; }
        if (st.totaal) { tbalk.max = st.totaal; tbalk.value = st.gedaan; }
        if (tekst.textContent !== st.tekst) { tekst.textContent = st.tekst; }
        window.setTimeout(vraag, 500);
      });
      xhr.addEventListener("error", function () { window.setTimeout(vraag, 2000); });
      xhr.send();
    };
    window.setTimeout(vraag, 300);
  }
})();
