/**
 * Shared kernel: the few types every module speaks (errors a caller can act on, amounts).
 * Kept deliberately tiny; business rules never live here.
 */
package fr.encaisse.shared;
