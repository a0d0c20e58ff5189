using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>
/// Made-up assessments of three national scenarios (long power cut, pandemic, flood), so the afwegingskader, its risk
/// diagram and "welke crisis eerst" have an order to show in the demo. The rationale says they are made up. Only when
/// the gemeente has assessed nothing yet.
/// </summary>
public static class DemoRiskAssessments
{
    public const string Rationale = "Demonstratiegegevens: een verzonnen voorbeeldbeoordeling, geen oordeel van de gemeente.";
    private const string By = "demo";

    public static async Task SeedAsync(AppDbContext db, string gemeente, TimeProvider clock)
    {
        // Seeding runs without a user: the tenant filters would hide every row.
        if (await db.RiskAssessments.IgnoreQueryFilters().AnyAsync(a => a.GemeenteCode == gemeente))
        {
            return;
        }
        var method = RiskAssessmentStore.Method;
        var criteria = method.Criteria.Where(c => !c.Optional).Select(c => c.Id).ToList();
        var now = clock.GetUtcNow();
        foreach (var (scenario, likelihood, impact, preparedness) in new[]
        {
            ("langdurige-stroomuitval", "C", "D", (int?)2),
            ("pandemie", "D", "B–C", 3),
            ("overstroming", "B–C", "C", null),
        })
        {
            db.RiskAssessments.Add(new RiskAssessmentEntry
            {
                GemeenteCode = gemeente,
                ScenarioCode = scenario,
                MethodVersion = method.Version,
                Likelihood = likelihood,
                Impacts = criteria.ToDictionary(c => c, _ => impact),
                OwnPreparedness = preparedness,
                Rationale = Rationale,
                Version = 1,
                UpdatedBy = By,
                UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync();
    }
}
