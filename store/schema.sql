-- kansrijk store schema. Every row of source data points back to its
-- levering (file) and to the sheet and cell it came from.

CREATE TABLE IF NOT EXISTS levering (
    id            BIGINT PRIMARY KEY,
    bestand       VARCHAR NOT NULL,   -- file name as delivered
    pad           VARCHAR NOT NULL,   -- path at import time
    sha256        VARCHAR NOT NULL,
    partner       VARCHAR NOT NULL,
    bron          VARCHAR NOT NULL,
    periode       VARCHAR NOT NULL,   -- 2025-K2, or a year/range for multi-period files
    versie        INTEGER NOT NULL,   -- _v2 in the file name is version 2
    ingelezen     TIMESTAMP NOT NULL,
    rijen         INTEGER NOT NULL,
    geaccepteerd  INTEGER NOT NULL,
    afgewezen     INTEGER NOT NULL,
    waarschuwingen INTEGER NOT NULL,
    opgeslagen    INTEGER NOT NULL,   -- data rows stored with it, to check the store's integrity
    ontbrekend    VARCHAR[] NOT NULL, -- fields whose column the file lacks: their figures are not available
    -- Same content under the same name is the same levering; an empty
    -- export (header only) for another kwartaal has the same content but
    -- is a levering of its own.
    UNIQUE (sha256, bestand)
);

-- The newest version of each (partner, bron, periode) counts; older ones
-- stay as history.
CREATE OR REPLACE VIEW actieve_levering AS
SELECT * FROM levering
QUALIFY row_number() OVER (PARTITION BY partner, bron, periode ORDER BY versie DESC, id DESC) = 1;

-- Which gemeente-kwartalen a levering delivers figures for. A delivered
-- kwartaal without records gives 0/0; one not delivered gives no figure.
CREATE TABLE IF NOT EXISTS dekking (
    levering  BIGINT NOT NULL,
    bron      VARCHAR NOT NULL,
    gemeente  VARCHAR NOT NULL,
    kwartaal  VARCHAR NOT NULL
);

-- Messages for the partner, each at a place she can find: the cell
-- (E95; the column letters alone for a whole column; '' for the file or
-- sheet), the column's header as she wrote it, and the record she knows
-- it by (record_soort is what its key is called, such as Cliëntnummer;
-- record its value). verwacht says what was expected. See sheet.Location.
-- Databases from before kop, record_soort, record, verwacht and the
-- ernst 'informatie' are upgraded by store/plaats.sql.
CREATE TABLE IF NOT EXISTS melding (
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

-- Verloskunde, one row per client row in a levering. Durations in days
-- (weeks*7+days); NULL means unknown.
CREATE TABLE IF NOT EXISTS verloskunde (
    levering        BIGINT NOT NULL,
    blad            VARCHAR NOT NULL,
    rij             INTEGER NOT NULL,
    client          VARCHAR NOT NULL,
    gemeente        VARCHAR,          -- configured spelling; NULL outside the coalities
    eerste_controle DATE,
    amenorroe       INTEGER,
    bevalling       DATE,
    duur            INTEGER,
    gewicht         INTEGER,
    roken           VARCHAR,          -- ja, nee, gestopt; NULL unknown
    kwetsbaar       BOOLEAN,
    verwezen        BOOLEAN
);

-- Coded story fragments (ouderverhalen).
CREATE TABLE IF NOT EXISTS verhaal (
    levering    BIGINT NOT NULL,
    blad        VARCHAR NOT NULL,
    rij         INTEGER NOT NULL,
    verhaal_id  VARCHAR NOT NULL,
    coalitie    VARCHAR NOT NULL,
    datum       DATE,
    werkvorm    VARCHAR NOT NULL,
    persona     VARCHAR NOT NULL,
    doelgroep   VARCHAR NOT NULL,
    toestemming VARCHAR NOT NULL,     -- intern, rapport, openbaar, ingetrokken
    fragment    VARCHAR NOT NULL,
    codes       VARCHAR[] NOT NULL,
    toon        VARCHAR NOT NULL,
    uitgelicht  BOOLEAN NOT NULL,
    ingevoerd_door VARCHAR NOT NULL,
    -- The cell of the Codes column in this row (I5) and that column's
    -- header as written, so that a code the codebook lacks is reported
    -- at its cell. Added by store/plaats.sql to older databases.
    codes_cel   VARCHAR NOT NULL,
    codes_kop   VARCHAR NOT NULL
);

-- Aggregated figures (JGZ, kraamzorg): one value per gemeente, kwartaal
-- and maat. code is '<5' (suppressed at the source) or 'n.b.' (not
-- available); waarde is NULL then.
CREATE TABLE IF NOT EXISTS aggregaat (
    levering  BIGINT NOT NULL,
    blad      VARCHAR NOT NULL,
    cel       VARCHAR NOT NULL,
    gemeente  VARCHAR NOT NULL,
    kwartaal  VARCHAR NOT NULL,
    maat      VARCHAR NOT NULL,
    waarde    DOUBLE,
    code      VARCHAR NOT NULL
);

-- Sociaal wijkteam aanmeldingen. onbekend: an impossible date or a start
-- before the aanmelding; such a record counts in neither teller nor noemer.
CREATE TABLE IF NOT EXISTS wijkteam (
    levering     BIGINT NOT NULL,
    blad         VARCHAR NOT NULL,
    rij          INTEGER NOT NULL,
    dossier      VARCHAR NOT NULL,
    gemeente     VARCHAR NOT NULL,
    aanmelddatum DATE NOT NULL,
    start        DATE,
    hulpvraag    VARCHAR NOT NULL,
    onbekend     BOOLEAN NOT NULL
);

-- Procesmonitor: the status of each of the 10 aandachtspunten, and the
-- counts, per coalitie per kwartaal.
CREATE TABLE IF NOT EXISTS borging (
    levering      BIGINT NOT NULL,
    blad          VARCHAR NOT NULL,
    cel           VARCHAR NOT NULL,
    coalitie      VARCHAR NOT NULL,
    kwartaal      VARCHAR NOT NULL,
    nr            INTEGER NOT NULL,
    aandachtspunt VARCHAR NOT NULL,
    status        VARCHAR NOT NULL,   -- as written; '' when blank
    toelichting   VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS procesmonitor (
    levering      BIGINT NOT NULL,
    coalitie      VARCHAR NOT NULL,
    kwartaal      VARCHAR NOT NULL,
    partners      INTEGER,
    bijeenkomsten INTEGER,
    ouders        INTEGER,
    toelichting   VARCHAR NOT NULL
);

-- The regional codebook: thema > code, with the indicators a code
-- relates to.
CREATE TABLE IF NOT EXISTS codeboek (
    levering     BIGINT NOT NULL,
    blad         VARCHAR NOT NULL,
    rij          INTEGER NOT NULL,
    thema        VARCHAR NOT NULL,
    code         VARCHAR NOT NULL,
    omschrijving VARCHAR NOT NULL,
    indicatoren  VARCHAR[] NOT NULL
);

-- Persona's made with parents; stories name them by first name.
CREATE TABLE IF NOT EXISTS persona (
    levering   BIGINT NOT NULL,
    blad       VARCHAR NOT NULL,
    rij        INTEGER NOT NULL,
    naam       VARCHAR NOT NULL,   -- "Samira, 23, statushouder, eerste kind"
    voornaam   VARCHAR NOT NULL,   -- "Samira"
    coalitie   VARCHAR NOT NULL,
    doelgroep  VARCHAR NOT NULL,
    situatie   VARCHAR NOT NULL,
    nodig      VARCHAR NOT NULL,
    tegenaan   VARCHAR NOT NULL,
    bron       VARCHAR NOT NULL
);

-- The persona's that count: of the active leveringen, one per coalitie
-- and name, so that the same persona delivered twice (a copy such as
-- Personas_kopie.xlsx) counts and shows once; the newest levering's
-- description wins.
CREATE OR REPLACE VIEW actieve_persona AS
SELECT p.* FROM persona p JOIN actieve_levering l ON p.levering = l.id
QUALIFY row_number() OVER (PARTITION BY p.coalitie, lower(trim(p.naam)) ORDER BY p.levering DESC, p.rij) = 1;

-- Sources of a REFI-QDA project (.qdpx). Fragments are counted from the
-- Excel logs only; a project adds codings to cross-check them.
CREATE TABLE IF NOT EXISTS qda_bron (
    levering    BIGINT NOT NULL,
    guid        VARCHAR NOT NULL,
    naam        VARCHAR NOT NULL,   -- source name in the project
    verhaal_id  VARCHAR NOT NULL,   -- Verhaal-ID in the name; '' when there is none
    tekens      INTEGER,            -- length in code points; NULL when the text is missing
    selecties   INTEGER NOT NULL    -- coded text selections
);

-- One code applied to a text selection of a REFI-QDA source. Positions
-- count Unicode code points. tekst is '' when the source text is missing,
-- the positions do not fit it, or the Verhaal-ID is ingetrokken in a log.
CREATE TABLE IF NOT EXISTS qda_codering (
    levering     BIGINT NOT NULL,
    bron         VARCHAR NOT NULL,  -- source name
    verhaal_id   VARCHAR NOT NULL,
    selectie     VARCHAR NOT NULL,  -- guid of the PlainTextSelection
    code         VARCHAR NOT NULL,  -- "Thema > Code" from the nested code names
    begin_pos    INTEGER NOT NULL,
    eind_pos     INTEGER NOT NULL,
    tekst        VARCHAR NOT NULL,
    codeur       VARCHAR NOT NULL
);

-- Added for REFI-QDA projects as a source of stories (issue 17); new
-- tables only, so that a store made before them opens unchanged. A
-- project's stories are rows of verhaal (blad = source name, rij = the
-- selection's number in its source), its own codebook rows of codeboek.

-- One row per REFI-QDA levering: the program that wrote it and the
-- position convention kansrijk applied to its selections.
CREATE TABLE IF NOT EXISTS qda_project (
    levering     BIGINT NOT NULL,
    naam         VARCHAR NOT NULL,  -- the project's name
    origin       VARCHAR NOT NULL,  -- the origin attribute, '' when absent
    conventie    VARCHAR NOT NULL,  -- refiqda.Conventie.Code(): codepunten, utf16, ...
    past         BOOLEAN NOT NULL,  -- false: no convention fits; texts that cut words are not kept
    toelichting  VARCHAR NOT NULL   -- how the convention was found, in Dutch
);

-- The coalitie of each source of a REFI-QDA project ('' when the
-- project does not say): Verhaal-IDs are unique within a coalitie only.
CREATE TABLE IF NOT EXISTS qda_bron_coalitie (
    levering  BIGINT NOT NULL,
    bron      VARCHAR NOT NULL,   -- source name, as in qda_bron.naam and qda_codering.bron
    coalitie  VARCHAR NOT NULL
);
