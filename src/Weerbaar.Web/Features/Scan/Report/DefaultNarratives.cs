namespace Weerbaar.Web.Features.Scan.Report;

/// <summary>The text a narrative section has until the research team writes its own (Markdown).</summary>
public static class DefaultNarratives
{
    public static string For(string key) => key switch
    {
        ReportNarrativeKeys.Inleiding => """
            Rijk, veiligheidsregio's en gemeenten bereiden de Nederlandse samenleving voor op grote crises: cyberaanvallen,
            uitval van stroom en drinkwater, sabotage en ontwrichting van de samenleving. Gemeenten vragen zich af wat er van
            hen wordt verwacht en hoe zij hun weerbaarheid kunnen vergroten.

            Dit rapport beschrijft hoe gemeenten zelf hun weerbaarheid zien, op basis van de Weerbaarheidsscan onder alle
            Nederlandse gemeenten. De cijfers en figuren in dit rapport zijn rechtstreeks uit de antwoorden berekend.
            """,
        ReportNarrativeKeys.Verantwoording => """
            # Doel en definities

            De scan brengt in beeld hoe gemeenten zelf denken over hun weerbaarheid. De vragen volgen de zes pijlers uit de
            VNG-handreiking *Weerbaarheid en veerkracht op lokaal niveau*: eigen continuïteit, crisisorganisatie, vitale
            voorzieningen, sociaal weefsel, zelfredzaamheid van inwoners, bedrijven en maatschappelijke organisaties, en de
            samenleving als overkoepelend systeem.

            - **Bewustzijn:** de mate waarin gemeenten een thema herkennen en als relevant en urgent ervaren.
            - **Inzicht:** de mate waarin gemeenten handelingsperspectief hebben om een thema te vertalen naar maatregelen en borging.

            # Beperkingen

            Bewustzijn en inzicht zijn gemeten met zelfrapportage. De uitkomsten laten zien hoe gemeenten hun weerbaarheid
            ervaren; het is geen externe beoordeling van wat zij feitelijk doen. Sociaal wenselijke antwoorden kunnen een rol spelen.
            """,
        ReportNarrativeKeys.Aanbevelingen => """
            Het onderzoeksteam schrijft hier de aanbevelingen, op basis van de uitkomsten en de conclusies hierboven.
            """,
        _ => "",
    };
}
