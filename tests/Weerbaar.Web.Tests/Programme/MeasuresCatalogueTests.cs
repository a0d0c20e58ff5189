using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Features.Scenarios;

namespace Weerbaar.Web.Tests.Programme;

/// <summary>The national measures catalogue as shipped: every phase, pillar and topic covered, codes consistent with the scenario library.</summary>
public sealed class MeasuresCatalogueTests
{
    [Fact]
    public void The_shipped_catalogue_loads_without_problems()
    {
        var catalogue = MeasuresCatalogue.LoadNewest();
        Assert.Empty(catalogue.Problems());
        Assert.Empty(catalogue.Problems(ScenarioLibrary.LoadNewest()));
        Assert.True(catalogue.Measures.Count >= 40);
        Assert.False(string.IsNullOrWhiteSpace(catalogue.Note));
        Assert.False(string.IsNullOrWhiteSpace(catalogue.Source));
        Assert.All(catalogue.Measures, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.Source));
            Assert.False(string.IsNullOrWhiteSpace(m.Description));
        });
    }

    [Fact]
    public void Phases_and_pillars_match_the_scenario_library()
    {
        var catalogue = MeasuresCatalogue.LoadNewest();
        var library = ScenarioLibrary.LoadNewest();
        Assert.Equal(["koude-fase", "eerste-72-uur", "nafase"], catalogue.Phases.Select(p => p.Code));
        Assert.Equal(library.Pillars, catalogue.Pillars);
    }

    [Fact]
    public void Every_phase_pillar_and_topic_has_measures()
    {
        var catalogue = MeasuresCatalogue.LoadNewest();
        Assert.All(catalogue.Phases, p => Assert.Contains(catalogue.Measures, m => m.Phase == p.Code));
        Assert.All(catalogue.Pillars, p => Assert.Contains(catalogue.Measures, m => m.Pillar == p.Code));
        Assert.All(catalogue.Topics, t => Assert.Contains(catalogue.Measures, m => m.Topic == t.Code));
        foreach (var topic in new[] { "drinkwater", "voedsel", "stroomuitval", "noodsteunpunten", "opvang-evacuatie", "crisiscommunicatie",
                     "continuiteit-processen", "kwetsbare-groepen", "raad-verkiezingen", "sociaal-weefsel" })
        {
            Assert.Contains(catalogue.Topics, t => t.Code == topic);
        }
    }

    [Fact]
    public void The_listed_partners_exist_and_every_partner_used_is_defined()
    {
        var catalogue = MeasuresCatalogue.LoadNewest();
        var partners = catalogue.Partners.Select(p => p.Code).ToHashSet();
        foreach (var partner in new[] { "drinkwaterbedrijf", "netbeheerder", "ggd", "veiligheidsregio", "woningcorporaties", "zorginstellingen",
                     "supermarkten", "tankstations", "vervoerders", "vrijwilligersorganisaties", "scholen", "bedrijven" })
        {
            Assert.Contains(partner, partners);
        }
        Assert.All(catalogue.Measures.SelectMany(m => m.Partners), p => Assert.Contains(p, partners));
    }

    [Fact]
    public void Scenario_and_resource_codes_exist_in_the_scenario_library()
    {
        var catalogue = MeasuresCatalogue.LoadNewest();
        var library = ScenarioLibrary.LoadNewest();
        var scenarios = library.Scenarios.Select(s => s.Code).ToHashSet();
        var resources = library.Resources.Select(r => r.Code).ToHashSet();
        Assert.All(catalogue.Measures.SelectMany(m => m.Scenarios), s => Assert.Contains(s, scenarios));
        Assert.All(catalogue.Measures.SelectMany(m => m.ScarceResources), r => Assert.Contains(r, resources));
        Assert.All(library.Scenarios, s => Assert.Contains(catalogue.Measures, m => m.Scenarios.Contains(s.Code)));
    }

    [Fact]
    public void Inconsistent_data_is_reported_in_dutch()
    {
        var catalogue = MeasuresCatalogue.LoadNewest();
        var first = catalogue.Measures[0];
        var broken = catalogue with
        {
            Partners = [.. catalogue.Partners, catalogue.Partners[0]],
            Measures =
            [
                .. catalogue.Measures,
                first with
                {
                    Phase = "lente", Pillar = "XX", Topic = "ruimtevaart", Partners = ["bakker"], Effort = "enorm",
                    Scenarios = ["meteoriet"], ScarceResources = ["goud"], Name = " ", Description = "",
                },
            ],
        };
        var problems = broken.Problems(ScenarioLibrary.LoadNewest());
        Assert.Contains($"Maatregel '{first.Code}' staat er meer dan eens in.", problems);
        Assert.Contains($"Partner '{catalogue.Partners[0].Code}' staat er meer dan eens in.", problems);
        Assert.Contains($"Maatregel '{first.Code}': onbekende fase 'lente'.", problems);
        Assert.Contains($"Maatregel '{first.Code}': onbekende pijler 'XX'.", problems);
        Assert.Contains($"Maatregel '{first.Code}': onbekend onderwerp 'ruimtevaart'.", problems);
        Assert.Contains($"Maatregel '{first.Code}': onbekende partner 'bakker'.", problems);
        Assert.Contains($"Maatregel '{first.Code}': onbekende inspanning 'enorm'.", problems);
        Assert.Contains($"Maatregel '{first.Code}': onbekend scenario 'meteoriet'.", problems);
        Assert.Contains($"Maatregel '{first.Code}': onbekend middel 'goud'.", problems);
        Assert.Contains($"Maatregel '{first.Code}': naam en beschrijving zijn verplicht.", problems);
        Assert.DoesNotContain(broken.Problems(), p => p.Contains("meteoriet", StringComparison.Ordinal));
    }
}
