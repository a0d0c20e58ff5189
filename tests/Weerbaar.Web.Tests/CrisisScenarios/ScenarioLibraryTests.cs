using Weerbaar.Web.Features.Scenarios;

namespace Weerbaar.Web.Tests.CrisisScenarios;

/// <summary>The national scenario library as shipped: the scenarios the afwegingskader starts from, consistent codes.</summary>
public sealed class ScenarioLibraryTests
{
    [Fact]
    public void The_shipped_library_holds_the_required_scenarios_and_is_consistent()
    {
        var library = ScenarioLibrary.LoadNewest();
        Assert.Empty(library.Problems());
        Assert.Equal(["EC", "CO", "VV", "SW", "ZR", "SO"], library.Pillars.Select(p => p.Code));
        foreach (var code in new[] { "hybride-aanval", "langdurige-stroomuitval", "drinkwateruitval", "cyberaanval-leverancier", "telecomuitval",
                     "overstroming", "hitte-droogte", "pandemie", "brand-giftige-stoffen", "militaire-dreiging" })
        {
            var scenario = Assert.Single(library.Scenarios, s => s.Code == code);
            Assert.NotEmpty(scenario.Pillars);
            Assert.NotEmpty(scenario.VitalServices);
            Assert.NotEmpty(scenario.ScarceResources);
        }
        var hybrid = library.Scenarios.Single(s => s.Code == "hybride-aanval");
        foreach (var part in new[] { "DDoS", "uitkeringen", "burgerzaken", "brug", "drinkwater", "hamsteren" })
        {
            Assert.Contains(part, hybrid.Description, StringComparison.OrdinalIgnoreCase);
        }
        Assert.True(library.Scenarios.Single(s => s.Code == "langdurige-stroomuitval").TypicalDurationHours >= 72);
    }

    [Fact]
    public void Inconsistent_data_is_reported_in_dutch()
    {
        var library = ScenarioLibrary.LoadNewest();
        var broken = library with
        {
            Scenarios = [.. library.Scenarios, library.Scenarios[0] with { Pillars = ["XX"], VitalServices = ["wifi"], ScarceResources = ["goud"], TypicalDurationHours = 0 }],
        };
        var problems = broken.Problems();
        Assert.Contains("Scenario 'hybride-aanval' staat er meer dan eens in.", problems);
        Assert.Contains("Scenario 'hybride-aanval': onbekende pijler 'XX'.", problems);
        Assert.Contains("Scenario 'hybride-aanval': onbekende vitale voorziening 'wifi'.", problems);
        Assert.Contains("Scenario 'hybride-aanval': onbekend middel 'goud'.", problems);
        Assert.Contains("Scenario 'hybride-aanval': de typische duur moet meer dan 0 uur zijn.", problems);
    }
}
