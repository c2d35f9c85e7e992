// The browser test of kansrijk web, run by browser_test.go: Debian's
// chromium driven by playwright-core. It delivers a partner file with a
// known bad cell and a broken file by dragging them onto the page, looks
// for the message at that cell, downloads the terugmelding, makes and
// opens a report, runs axe-core on every page at 1280 and 390 px, and
// fails on any request that leaves the server.
//
// Environment: PLAYWRIGHT (the unpacked playwright-core), AXE (axe.min.js),
// BASIS (the server's URL), BESTANDEN (JSON: [{naam, pad}], the CSV first),
// CEL and MELDING (what the CSV's message must say), UIT (a folder for the
// downloads), SCHERMAFDRUKKEN (optional: a folder for PNGs of each page).
"use strict";

const fs = require("fs");
const path = require("path");
const { chromium } = require(process.env.PLAYWRIGHT);

const BASIS = process.env.BASIS;
const AXE = fs.readFileSync(process.env.AXE, "utf8");
const BESTANDEN = JSON.parse(process.env.BESTANDEN);
const UIT = process.env.UIT;
const SCHERM = process.env.SCHERMAFDRUKKEN || "";
const BREED = { width: 1280, height: 900 };
const SMAL = { width: 390, height: 844 };

const fouten = [];
const BEGIN = Date.now();
function fout(bericht) {
  fouten.push(bericht);
  console.log("FOUT: " + bericht);
}
function moet(waar, bericht) {
  if (!waar) fout(bericht);
}

// axe runs axe-core on the page; every violation is a failure.
async function axe(page, wat) {
  await page.evaluate(AXE);
  const v = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  for (const x of v) fout(`${wat}: axe ${x.id} (${x.impact}): ${x.help} bij ${x.nodes.join(", ")}`);
}

// bekijk checks a page at both widths: axe, no sideways scrolling of the
// page itself at 390 px (wide tables scroll in their own box), and a
// screenshot of each when asked.
async function bekijk(page, naam) {
  console.log(`${((Date.now() - BEGIN) / 1000).toFixed(1)} s: ${naam}`);
  for (const [maat, breedte] of [[BREED, "1280"], [SMAL, "390"]]) {
    await page.setViewportSize(maat);
    await axe(page, `${naam} (${breedte} px)`);
    const te = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    moet(te <= 0, `${naam} (${breedte} px): de pagina is ${te} px te breed`);
    if (SCHERM) {
      // A page of more than 2400 px (the whole kansrijk.toml) is shown by
      // its top.
      const hoog = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({ path: path.join(SCHERM, `web-${naam}-${breedte}.png`), fullPage: true,
        clip: { x: 0, y: 0, width: maat.width, height: Math.min(hoog, 2400) } });
    }
  }
  await page.setViewportSize(BREED);
}

// menu follows a link of the main menu.
async function menu(page, naam) {
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: naam }).click();
}

async function download(page, klik, naam) {
  const [dl] = await Promise.all([page.waitForEvent("download"), klik()]);
  const pad = path.join(UIT, naam);
  await dl.saveAs(pad);
  return pad;
}

(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: BREED, acceptDownloads: true, locale: "nl-NL" });
  // Offline: every request must go to the server itself.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(BASIS + "/") || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    fout("verzoek naar buiten: " + url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => fout("fout in de pagina " + page.url() + ": " + e.message));
  page.on("console", (m) => {
    // The unknown page's own 404 is what the test asks for.
    if (m.type() === "error" && !page.url().endsWith("/bestaat-niet")) fout("console " + page.url() + ": " + m.text());
  });
  page.setDefaultTimeout(30000);

  // Aanleveren, by keyboard: the first Tab reaches the skip link.
  await page.goto(BASIS + "/");
  await page.keyboard.press("Tab");
  moet((await page.evaluate(() => document.activeElement.textContent)) === "Naar de inhoud",
    "Aanleveren: de eerste Tab komt niet op 'Naar de inhoud'");
  await page.evaluate(() => document.activeElement.blur());

  // Drag the files onto the page.
  const dt = await page.evaluateHandle((bestanden) => {
    const dt = new DataTransfer();
    for (const f of bestanden) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.naam));
    }
    return dt;
  }, BESTANDEN.map((f) => ({ naam: f.naam, b64: fs.readFileSync(f.pad).toString("base64") })));
  await page.dispatchEvent("#sleepvak", "drop", { dataTransfer: dt });
  moet((await page.locator("#gekozen li").count()) === BESTANDEN.length, "Aanleveren: de gesleepte bestanden staan niet in de lijst");
  await bekijk(page, "aanleveren");

  await Promise.all([page.waitForURL(/\/taak\//), page.getByRole("button", { name: "Inlezen" }).click()]);
  await page.getByText("Klaar:").waitFor({ timeout: 120000 });
  const csv = page.locator("section.uitslag", { has: page.getByRole("heading", { name: BESTANDEN[0].naam }) });
  const rij = csv.locator("tr", { has: page.locator("code", { hasText: new RegExp("^" + process.env.CEL + "$") }) });
  moet((await rij.count()) === 1, `uitslag: geen melding bij cel ${process.env.CEL} van ${BESTANDEN[0].naam}`);
  if ((await rij.count()) === 1) {
    const tekst = await rij.innerText();
    moet(tekst.includes(process.env.MELDING), `uitslag: de melding bij ${process.env.CEL} zegt niet "${process.env.MELDING}" maar "${tekst}"`);
  }
  const kapot = page.locator("section.uitslag", { has: page.getByRole("heading", { name: BESTANDEN[1].naam }) });
  moet((await kapot.innerText()).includes("Afgewezen"), `uitslag: ${BESTANDEN[1].naam} is niet afgewezen`);
  await download(page, () => csv.getByRole("link", { name: /Terugmelding voor de partner downloaden/ }).click(), "terugmelding.xlsx");
  await bekijk(page, "aanlevering");

  // Aanleverstatus: the delivered kwartaal is no longer missing.
  await menu(page, "Aanleverstatus");
  await page.getByRole("heading", { name: "Aanleverstatus", level: 1 }).waitFor();
  moet(await page.getByText("Er ontbreekt geen enkele levering.").isVisible(), "Aanleverstatus: er ontbreekt nog iets");
  await bekijk(page, "aanleverstatus");
  await page.getByRole("link", { name: process.env.STATUSCEL }).click();
  await page.getByRole("heading", { name: "Levering " + BESTANDEN[0].naam }).waitFor();
  await bekijk(page, "levering");

  // Rapporten: make them for the kwartaal, then open and download them.
  await menu(page, "Rapporten");
  await page.locator("#maak-kwartaal").selectOption(process.env.KWARTAAL);
  await Promise.all([page.waitForURL(/\/taak\//), page.getByRole("button", { name: "Rapporten maken" }).click()]);
  await page.getByText("Klaar:").waitFor({ timeout: 300000 });
  await bekijk(page, "rapporten-gemaakt");
  await page.getByRole("link", { name: "Naar de rapporten over " + process.env.KWARTAAL }).click();
  await page.getByRole("heading", { name: "Rapporten over " + process.env.KWARTAAL }).waitFor();
  await bekijk(page, "rapporten");
  const co = process.env.COALITIE;
  await download(page, () => page.getByRole("link", { name: `PDF downloaden (${co})`, exact: true }).click(), "rapport.pdf");
  await download(page, () => page.getByRole("link", { name: "Excel-export downloaden" }).click(), "export.xlsx");
  await page.getByRole("link", { name: `Openen (${co})`, exact: true }).click();
  await page.waitForLoadState("load");
  moet((await page.title()).includes(co), `rapport: de titel "${await page.title()}" noemt ${co} niet`);
  moet((await page.locator("h1").first().innerText()).length > 0, "rapport: geen kop");
  await page.goBack();
  await page.getByRole("link", { name: `Openen (ouders ${co})`, exact: true }).click();
  await page.waitForLoadState("load");
  moet((await page.locator("h1").first().innerText()).length > 0, "pagina voor ouders: geen kop");
  await page.goBack();

  await menu(page, "Instellingen");
  await page.getByText("De instellingen zijn in orde.").waitFor();
  await bekijk(page, "instellingen");

  const resp = await page.goto(BASIS + "/bestaat-niet");
  moet(resp.status() === 404, "een onbekende pagina geeft " + resp.status());
  await axe(page, "foutpagina");

  await browser.close();
  console.log(fouten.length ? `${fouten.length} fout(en)` : "browsertest in orde");
  process.exit(fouten.length ? 1 : 0);
})().catch((e) => {
  console.log("FOUT: " + (e && e.stack ? e.stack : e));
  process.exit(1);
});
