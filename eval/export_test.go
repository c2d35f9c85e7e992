package eval

// Internals that the external tests exercise directly.
var CoalitieCijfer = coalitieCijfer

var BeschermTegenAftrekken = beschermTegenAftrekken
