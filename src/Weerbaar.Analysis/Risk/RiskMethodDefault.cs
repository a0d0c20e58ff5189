namespace Weerbaar.Analysis.Risk;

public sealed partial record RiskMethod
{
    private const string LikelihoodSource =
        "vrbzo.nl, Regionaal risicoprofiel, toelichting scenario's (klassen en grenzen; gelezen als 'in de komende 5 jaar')";

    private const string CriteriaSource =
        "Criterialijst: BZK 2009, Werken met scenario's, risicobeoordeling en capaciteiten in de Strategie Nationale "
        + "Veiligheid; Handreiking Regionaal Risicoprofiel. Indeling naar vitaal belang: Nationale Risicobeoordeling "
        + "Leidraad Methode 2008, hoofdstuk 5 (territoriale, fysieke, economische, ecologische veiligheid; sociale en "
        + "politieke stabiliteit).";

    /// <summary>The default impact step: each class counts this many times the one below it (aanname).</summary>
    public const double DefaultImpactFactor = 10;

    /// <summary>
    /// The method as far as the sources here confirm it (docs/risk-method.md), with <see cref="DefaultImpactFactor"/>.
    /// </summary>
    public static RiskMethod Default { get; } = Create(DefaultImpactFactor);

    /// <summary>
    /// The default method with impact class values X = 0, A = 1, B = f, C = f², D = f³, E = f⁴ for a step f &gt; 1
    /// (the sources speak of a factor 3 or 10; neither is confirmed here).
    /// </summary>
    public static RiskMethod Create(double impactFactor)
    {
        if (!double.IsFinite(impactFactor) || impactFactor <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(impactFactor), impactFactor, "De factor per klasse moet groter dan 1 zijn.");
        }

        var f = Number(impactFactor);
        var classValueSource =
            $"aanname: factor {f} per klasse (bron noemt een factor 3 of 10 maar bevestigt geen getallen; X = geen impact = 0)";
        var impactValues = new List<SourcedValue> { new(0, "aanname: X (geen impact) telt als 0") };
        for (var k = 0; k < 5; k++)
        {
            impactValues.Add(new SourcedValue(Math.Pow(impactFactor, k), classValueSource));
        }

        // The likelihood bounds rise a factor 10 per class, so a relative value 10^(k-1) keeps the ratios between classes.
        var likelihoodValueSource =
            "afgeleid: de klassegrenzen lopen per klasse een factor 10 op (" + LikelihoodSource + "); A = 1 is een relatieve schaal";
        var likelihood = new List<LikelihoodClass>
        {
            new(RiskClass.A, "zeer onwaarschijnlijk", 0, 0.05, LikelihoodSource, new SourcedValue(1, likelihoodValueSource)),
            new(RiskClass.B, "onwaarschijnlijk", 0.05, 0.5, LikelihoodSource, new SourcedValue(10, likelihoodValueSource)),
            new(RiskClass.C, "mogelijk", 0.5, 5, LikelihoodSource, new SourcedValue(100, likelihoodValueSource)),
            new(RiskClass.D, "waarschijnlijk", 5, 50, LikelihoodSource, new SourcedValue(1000, likelihoodValueSource)),
            new(RiskClass.E, "zeer waarschijnlijk", 50, null, LikelihoodSource, new SourcedValue(10000, likelihoodValueSource)),
        };

        var weight = new SourcedValue(1,
            "aanname: gelijke gewichten; de nationale methode gebruikt meerdere gewichtensets met gevoeligheidsanalyse (BZK 2009)");
        const string Territorial = "territoriale veiligheid";
        const string Physical = "fysieke veiligheid";
        const string Economic = "economische veiligheid";
        const string Ecological = "ecologische veiligheid";
        const string Social = "sociale en politieke stabiliteit";
        var criteria = new List<ImpactCriterion>
        {
            new("grondgebied", "Aantasting integriteit grondgebied", Territorial, weight, CriteriaSource),
            new("doden", "Doden", Physical, weight, CriteriaSource),
            new("gewonden", "Ernstig gewonden en chronisch zieken", Physical, weight, CriteriaSource),
            new("levensbehoeften", "Gebrek aan primaire levensbehoeften", Physical, weight, CriteriaSource),
            new("kosten", "Kosten", Economic, weight, CriteriaSource),
            new("natuur-milieu", "Aantasting natuur en milieu", Ecological, weight, CriteriaSource),
            new("dagelijks-leven", "Verstoring dagelijks leven", Social, weight, CriteriaSource),
            new("democratisch-bestel", "Aantasting democratisch bestel", Social, weight, CriteriaSource),
            new("sociaal-psychologisch", "Sociaal-psychologische impact", Social, weight, CriteriaSource),
            new("cultureel-erfgoed", "Aantasting cultureel erfgoed", Social, weight,
                CriteriaSource + " Optioneel in de regionale methode; indeling onder sociale en politieke stabiliteit is een aanname.",
                Optional: true),
        };

        // End classes: the class whose value is nearest to the weighted average on a log scale, so the bound between
        // two classes is the geometric mean of their values (v(k)·√f). All-E is not needed to reach catastrofaal.
        var endSource = $"aanname: grens tussen twee klassen = meetkundig gemiddelde van hun waarden (factor {f})";
        var labels = new[] { "beperkt", "aanzienlijk", "ernstig", "zeer ernstig", "catastrofaal" };
        var endClasses = new List<EndScoreClass> { new(labels[0], new SourcedValue(0, endSource)) };
        for (var k = 1; k < labels.Length; k++)
        {
            endClasses.Add(new EndScoreClass(labels[k], new SourcedValue(Math.Pow(impactFactor, k - 0.5), endSource)));
        }

        return new RiskMethod($"nl-regionaal-2009/factor-{f}", "5 jaar", likelihood, impactValues, criteria, endClasses);
    }
}
