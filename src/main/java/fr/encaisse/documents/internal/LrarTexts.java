package fr.encaisse.documents.internal;

import fr.encaisse.documents.DeliveryOutcome;
import java.time.LocalDate;

/**
 * How the dossier words a registered letter's posting and returned card. A refusal, a letter not claimed
 * and a letter returned are not a signed receipt, and are never printed as one.
 */
final class LrarTexts {

    private LrarTexts() {
    }

    /** "LRAR n° … postée le …, avis de réception signé le …" for the chronology; "" when nothing is recorded. */
    static String posting(String trackingNumber, LocalDate postedOn, LocalDate acknowledgedOn, DeliveryOutcome outcome, Formats f) {
        if (trackingNumber == null) {
            return "";
        }
        String card = outcome == null ? ", avis de réception non enregistré" : switch (outcome) {
            case DELIVERED -> ", avis de réception signé le " + f.date(acknowledgedOn);
            case REFUSED -> ", pli refusé par le destinataire le " + f.date(acknowledgedOn);
            case NOT_CLAIMED -> ", pli avisé le " + f.date(acknowledgedOn) + " et non réclamé";
            case RETURNED -> ", pli retourné à l'expéditeur le " + f.date(acknowledgedOn);
        };
        return "LRAR n° " + trackingNumber + " postée le " + f.date(postedOn) + card;
    }

    /** For the citation of a formal notice in the request: ", LRAR n° …, reçue le …"; "" when nothing is recorded. */
    static String citation(String trackingNumber, LocalDate acknowledgedOn, DeliveryOutcome outcome, Formats f) {
        String number = trackingNumber == null ? "" : ", LRAR n° " + trackingNumber;
        return number + (outcome == null ? "" : switch (outcome) {
            case DELIVERED -> ", reçue le " + f.date(acknowledgedOn);
            case REFUSED -> ", refusée par le destinataire le " + f.date(acknowledgedOn);
            case NOT_CLAIMED -> ", présentée le " + f.date(acknowledgedOn) + " et non réclamée (pli avisé non réclamé)";
            case RETURNED -> ", retournée à l'expéditeur le " + f.date(acknowledgedOn) + " sans avoir été présentée";
        });
    }

    /** The delivery-proof line for a card that is not a signed receipt. */
    static String notDelivered(LocalDate on, DeliveryOutcome outcome, Formats f) {
        return switch (outcome) {
            case DELIVERED -> throw new IllegalArgumentException("a signed receipt is printed as such");
            case REFUSED -> "Pli refusé par le destinataire le " + f.date(on) + " (avis de réception retourné).";
            case NOT_CLAIMED -> "Pli avisé le " + f.date(on) + " et non réclamé (avis de réception retourné).";
            case RETURNED -> "Pli retourné à l'expéditeur le " + f.date(on) + " sans avoir été présenté.";
        };
    }
}
