import { NONE, rankIn, type Hit, type Rules } from './page-types.js'
import { routeOf, type Place } from './page-key.js'
import { SEARCH_QUERY } from './match-url-shape.js'

// Indexed by rank (see RANK). Path words in English, Vietnamese, German, French, Spanish,
// Italian, Dutch, Polish and Portuguese (ASCII, as slugs spell them: `ruecksendung`,
// `devolucoes`), as whole segments; support and content words may also be part of a segment
// (`contact-us`, `chinh-sach-doi-tra`, `privacy-policy`), the others not: `leather-bag` is a
// product, not a cart. Policy pages follow the Words taxonomy: returns, refunds, exchanges,
// warranty, tracking, help, FAQ and contact are support; shipping, privacy, terms and about
// pages are content.
const WORDS: Rules = [
  /\/(thank-?you[^/]*|order-(received|confirmation|success|complete[d]?)|success|dat-hang-thanh-cong|cam-on|(danke|merci|gracias|grazie|bedankt|dziekujemy|obrigado)[^/]*|bestellbestaetigung|bestellung-(erhalten|abgeschlossen)|confirmation-(de-)?commande|commande-(recue|confirmee)|pedido-(recibido|recebido|confirmado)|encomenda-recebida|ordine-(ricevuto|confermato)|conferma-ordine|bestelling-(ontvangen|bevestigd)|zamowienie-(przyjete|otrzymane))\//,
  /\/(checkouts?|thanh-toan|dat-hang|payment|onepagecheckout|kasse|zur-kasse|commande|commander|paiement|finalizar-compra|tramitar-pedido|pago|cassa|pagamento|afrekenen|kassa|zamowienie|kasa|finalizar-encomenda)\//,
  /\/(cart|gio-hang|basket|bag|shopping-(cart|bag)|warenkorb|panier|carrito|cesta|carrello|winkelwagen|winkelmand|koszyk|carrinho|cesto)(-page)?\//,
  /\/(account|my-account|tai-khoan|customer|wishlist|login|register|orders?|don-hang|sign-?in|dang-nhap|dang-ky|mein-konto|kundenkonto|konto|anmelden|mon-compte|compte|connexion|historique-commandes|mi-cuenta|cuenta|mis-pedidos|il-mio-account|mio-account|accedi|mijn-account|inloggen|moje-konto|logowanie|minha-conta|conta)\//,
  RegExp(
    '/(search|tim-kiem|suche|recherche|buscar|busca|busqueda|cerca|ricerca|zoeken|szukaj|wyszukiwanie|pesquisa)/|' +
      SEARCH_QUERY.source,
  ),
  /\/(products?|item|p|san-pham|produkt|produit|producto|prodotto|produto|artikel|product-page)\/[^/?]|[a-z]-p\d{3,}\/$/,
  /\/(category|categories|collections?|shop|store|danh-muc[^/]*|cua-hang|san-pham|products|c|kategorie|categorie|categoria|kategoria|boutique|tienda|negozio|winkel|sklep|loja|(produkt|product)-kategorie|categorie-produit|categoria-(producto|prodotto|produto)|kategoria-produktu|product-categorie)\/|[a-z]-c\d{2,}\/$/,
  /[/-](contact|contactus|help|support|faqs?|returns?|refunds?|exchanges?|warranty|tracking|lien-he|ho-tro|doi-tra|bao-hanh|kontakt|hilfe|retouren?|ruecksendung|widerruf|umtausch|garantie|sendungsverfolgung|contacter|contactez|aide|retours?|remboursements?|suivi|contacto|ayuda|devoluciones|reembolsos?|garantia|contatti|aiuto|resi|rimborsi|garanzia|klantenservice|retourneren|pomoc|zwrot\w*|reklamacj\w*|gwarancja|contato|ajuda|devolucoes|trocas?)[/-]/,
  /\/(blogs?|tin-tuc|bai-viet|news|articles?|posts?|journal|actualites|noticias|notizie|nieuws|aktualnosci)\/|[/-](about|privacy|terms|shipping|delivery|legal|imprint|impressum|datenschutz|agb|versand|ueber-uns|a-propos|mentions-legales|confidentialite|cgv|livraison|sobre-nosotros|privacidad|envios?|terminos|chi-siamo|spedizion[ei]|termini|over-ons|verzending|voorwaarden|o-nas|regulamin|dostawa|prywatnosc\w*|sobre-nos|privacidade|termos|gioi-thieu|bao-mat|van-chuyen|dieu-khoan)[/-]/,
]

/**
 * The last resort: words in the URL (`/gio-hang`, `/warenkorb`, `/help/returns`, `?q=`), most
 * specific first. `at` is another URL to read (the canonical one).
 *
 * @example
 * // https://shop.example/trang/lien-he
 * matchUrlWords(window) // → [7, 'url'] (support)
 */
export function matchUrlWords(w: Window, at: Place = w.location): Hit | undefined {
  // Slashes and dashes in the query are neutralised so that only the path speaks, bar `?q=`.
  const rank = rankIn(
    WORDS,
    routeOf(at)
      .replace(/_/g, '-')
      .replace(/\.(html?|php|aspx?)\//g, '/') + at.search.replace(/[/-]/g, '.'),
  )
  if (rank < NONE) return [rank, 'url']
}
