package fr.encaisse.imports;

/** FEC: the 18 columns of LPF A47 A-1, tab-separated, ISO-8859-15; CSV: the same for a spreadsheet (;, UTF-8). */
public enum ExportFormat {
    FEC, CSV
}
