package fr.encaisse.sepa;

import fr.encaisse.sepa.internal.SepaText;

/**
 * A structured postal address (town and country required, as the EPC asks of structured and hybrid
 * addresses). In pain.008.001.08 it is written as {@code StrtNm, BldgNb, PstCd, TwnNm, Ctry}; in
 * pain.008.001.02, whose EPC guidelines allow only country and two address lines, as {@code Ctry}
 * + {@code AdrLine} "building street" + {@code AdrLine} "post code town". Text is transliterated
 * and cut to the schema lengths when written.
 *
 * @param streetName     optional
 * @param buildingNumber optional
 * @param postCode       optional
 * @param townName       required
 * @param country        ISO 3166 alpha-2, required
 */
public record PostalAddress(String streetName, String buildingNumber, String postCode, String townName,
        String country) {

    public PostalAddress {
        if (townName == null || !SepaText.hasLatinContent(townName)) {
            throw new SepaValidationException("townName", "is required in a postal address");
        }
        if (country == null || !isCountryCode(country)) {
            throw new SepaValidationException("country", "must be an ISO 3166 two-letter country code, got '"
                    + country + "'");
        }
    }

    private static boolean isCountryCode(String c) {
        return c.length() == 2 && c.charAt(0) >= 'A' && c.charAt(0) <= 'Z' && c.charAt(1) >= 'A' && c.charAt(1) <= 'Z';
    }
}
