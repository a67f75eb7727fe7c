import type { UrlWords } from './contract.js'

/**
 * URL words in German, French, Spanish, Italian, Dutch, Polish and Portuguese (ASCII, as slugs
 * spell them: `ruecksendung`, `devolucoes`), per touchpoint. The loader carries English and
 * Vietnamese (src/loader/detection/match-url-words.ts) and reads these only on pages whose
 * `<html lang>` is one of LANGUAGES there: the CDN build fetches them in `touchpoint-words.js`,
 * the npm build bundles them. Matched exactly like the loader's own: whole path segments, and
 * support and content words also as part of one (`kontakt-formular`, `mentions-legales`).
 * A language added here goes into that list too.
 */
export const URL_WORDS: UrlWords = {
  confirmation:
    /\/((danke|merci|gracias|grazie|bedankt|dziekujemy|obrigado)[^/]*|bestellbestaetigung|bestellung-(erhalten|abgeschlossen)|confirmation-(de-)?commande|commande-(recue|confirmee)|pedido-(recibido|recebido|confirmado)|encomenda-recebida|ordine-(ricevuto|confermato)|conferma-ordine|bestelling-(ontvangen|bevestigd)|zamowienie-(przyjete|otrzymane))\//,
  checkout:
    /\/(kasse|zur-kasse|commande|commander|paiement|finalizar-compra|tramitar-pedido|pago|cassa|pagamento|afrekenen|kassa|zamowienie|kasa|finalizar-encomenda)\//,
  cart: /\/(warenkorb|panier|carrito|cesta|carrello|winkelwagen|winkelmand|koszyk|carrinho|cesto)(-page)?\//,
  account:
    /\/(mein-konto|kundenkonto|konto|anmelden|mon-compte|compte|connexion|historique-commandes|mi-cuenta|cuenta|mis-pedidos|il-mio-account|mio-account|accedi|mijn-account|inloggen|moje-konto|logowanie|minha-conta|conta)\//,
  search: /\/(suche|recherche|buscar|busca|busqueda|cerca|ricerca|zoeken|szukaj|wyszukiwanie|pesquisa)\//,
  product: /\/(produkt|produit|producto|prodotto|produto|artikel)\/[^/?]/,
  listing:
    /\/(kategorie|categorie|categoria|kategoria|boutique|tienda|negozio|winkel|sklep|loja|(produkt|product)-kategorie|categorie-produit|categoria-(producto|prodotto|produto)|kategoria-produktu|product-categorie)\//,
  support:
    /[/-](kontakt|hilfe|retouren?|ruecksendung|widerruf|umtausch|garantie|sendungsverfolgung|contacter|contactez|aide|retours?|remboursements?|suivi|contacto|ayuda|devoluciones|reembolsos?|garantia|contatti|aiuto|resi|rimborsi|garanzia|klantenservice|retourneren|pomoc|zwrot\w*|reklamacj\w*|gwarancja|contato|ajuda|devolucoes|trocas?)[/-]/,
  content:
    /\/(actualites|noticias|notizie|nieuws|aktualnosci)\/|[/-](impressum|datenschutz|agb|versand|ueber-uns|a-propos|mentions-legales|confidentialite|cgv|livraison|sobre-nosotros|privacidad|envios?|terminos|chi-siamo|spedizion[ei]|termini|over-ons|verzending|voorwaarden|o-nas|regulamin|dostawa|prywatnosc\w*|sobre-nos|privacidade|termos)[/-]/,
}
