-- Upgrade of a database made before messages carried their full place
-- (see sheet.Location): the melding table gains kop, record_soort,
-- record and verwacht, and the ernst 'informatie'; verhaal gains
-- codes_cel and codes_kop. DuckDB cannot change a CHECK constraint, so
-- melding is copied into a new table, in its order. Run once, in one
-- transaction, by upgradePlaats; a numbered migration once store has
-- them.
CREATE TABLE melding_plaats (
    levering     BIGINT NOT NULL,
    bestand      VARCHAR NOT NULL,
    blad         VARCHAR NOT NULL,
    cel          VARCHAR NOT NULL,
    waarde       VARCHAR NOT NULL,
    ernst        VARCHAR NOT NULL CHECK (ernst IN ('fout', 'waarschuwing', 'informatie')),
    tekst        VARCHAR NOT NULL,
    kop          VARCHAR NOT NULL,
    record_soort VARCHAR NOT NULL,
    record       VARCHAR NOT NULL,
    verwacht     VARCHAR NOT NULL
);
INSERT INTO melding_plaats
SELECT levering, bestand, blad, cel, waarde, ernst, tekst, '', '', '', '' FROM melding ORDER BY rowid;
DROP TABLE melding;
ALTER TABLE melding_plaats RENAME TO melding;
ALTER TABLE verhaal ADD COLUMN IF NOT EXISTS codes_cel VARCHAR DEFAULT '';
ALTER TABLE verhaal ADD COLUMN IF NOT EXISTS codes_kop VARCHAR DEFAULT '';
