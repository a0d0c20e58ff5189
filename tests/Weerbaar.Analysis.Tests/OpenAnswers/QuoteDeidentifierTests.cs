using Weerbaar.Analysis.OpenAnswers;

namespace Weerbaar.Analysis.Tests.OpenAnswers;

public class QuoteDeidentifierTests
{
    // Names as CBS writes them in gemeenten_2024.csv.
    private static readonly QuoteDeidentifier Deidentifier = new(
        ["Súdwest-Fryslân", "'s-Hertogenbosch", "'s-Gravenhage (gemeente)", "Bergen (NH.)", "Bergen op Zoom", "Best",
         "Buren", "Epe", "Kampen", "Utrecht (gemeente)", "Nuenen, Gerwen en Nederwetten", "Den Helder"],
        ["Sneek", "Bolsward", "Vaassen", "Hindeloopen"]);

    [Theory]
    [InlineData("In Súdwest-Fryslân zijn de afstanden groot.", "In [gemeente] zijn de afstanden groot.")]
    [InlineData("In Sudwest Fryslan zijn de afstanden groot.", "In [gemeente] zijn de afstanden groot.")]
    [InlineData("Gemeente 's-Hertogenbosch heeft een team.", "Gemeente [gemeente] heeft een team.")]
    [InlineData("Gemeente ’s-Hertogenbosch heeft een team.", "Gemeente [gemeente] heeft een team.")]
    [InlineData("Wij in s-Hertogenbosch en Den Bosch", "Wij in [gemeente] en [gemeente]")]
    [InlineData("Den Haag en den  haag en 's-Gravenhage", "[gemeente] en [gemeente] en [gemeente]")]
    [InlineData("De Haagse aanpak werkt.", "De [gemeente] aanpak werkt.")]
    [InlineData("De Utrechtse aanpak, UTRECHT zelf en utrecht.", "De [gemeente] aanpak, [gemeente] zelf en [gemeente].")]
    [InlineData("Bergen op Zoom en Bergen werken samen.", "[gemeente] en [gemeente] werken samen.")]
    [InlineData("Kernen als Sneek, Bolsward en Hindeloopen.", "Kernen als [plaats], [plaats] en [plaats].")]
    [InlineData("Nuenen en Den Helder.", "[gemeente] en [gemeente].")]
    public void Names_are_replaced_whatever_their_spelling(string quote, string expected) =>
        Assert.Equal(expected, Deidentifier.Deidentify(quote));

    [Theory]
    // Names that are also Dutch words only go when capitalised.
    [InlineData("De beste aanpak is samenwerken met de buren.", "De beste aanpak is samenwerken met de buren.")]
    [InlineData("Wij kampen met te weinig capaciteit; best lastig.", "Wij kampen met te weinig capaciteit; best lastig.")]
    [InlineData("In Best en Buren oefenen wij samen met Epe.", "In [gemeente] en [gemeente] oefenen wij samen met [gemeente].")]
    [InlineData("Noodsteunpunten in Kampen en in de bergen.", "Noodsteunpunten in [gemeente] en in de bergen.")]
    // Whole words only: Epe inside a word, Buren inside "naburen", Best in "Bestuur".
    [InlineData("Het Bestuur en de naburen, recepten.", "Het Bestuur en de naburen, recepten.")]
    public void Names_that_are_ordinary_words_need_a_capital(string quote, string expected) =>
        Assert.Equal(expected, Deidentifier.Deidentify(quote));

    [Theory]
    [InlineData("Mail j.de.vries@sudwestfryslan.nl of bel 06-12345678.", "Mail [verwijderd] of bel [verwijderd].")]
    [InlineData("Bel 030 2 916 916 of +31 (0)30 291 6916.", "Bel [verwijderd] of [verwijderd].")]
    [InlineData("Tel. (0515) 48 90 00, 0800-1234 of 14 0515.", "Tel. [verwijderd], [verwijderd] of [verwijderd].")]
    [InlineData("Postbus 8039, 3503 RA UTRECHT", "Postbus 8039, [verwijderd] [gemeente]")]
    // Not contact details: years, counts, dates, "72 uur".
    [InlineData("In 2025 hadden wij 72 uur en 1,5 fte; op 01-02-2026 besproken.", "In 2025 hadden wij 72 uur en 1,5 fte; op 01-02-2026 besproken.")]
    public void Contact_details_are_removed(string quote, string expected) =>
        Assert.Equal(expected, Deidentifier.Deidentify(quote));

    [Fact]
    public void Without_names_only_contact_details_are_removed() =>
        Assert.Equal("Zie [verwijderd].", new QuoteDeidentifier([]).Deidentify("Zie info@example.nl."));
}
