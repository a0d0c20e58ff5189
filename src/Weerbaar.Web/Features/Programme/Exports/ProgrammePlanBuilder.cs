using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Programme.Exports;

/// <summary>Reads a gemeente's programme, actions and partner agreements and computes the planning (tenant filters apply).</summary>
public sealed class ProgrammePlanBuilder(ReferenceData reference, ProgrammeReader reader, AppDbContext db, MeasuresCatalogue catalogue, TimeProvider clock)
{
    /// <summary>Every table the programmaplan is built from (a test checks this against the statements it runs).</summary>
    public static readonly Type[] Tables = [typeof(Gemeente), typeof(GemeenteProgramme), typeof(ProgrammeAction), typeof(PartnerAgreement), typeof(ProgrammeReview)];

    /// <summary>Null when there is no gemeente with this code.</summary>
    public async Task<ProgrammePlanData?> BuildAsync(string gemeenteCode, CancellationToken ct)
    {
        if (reference.Gemeente(gemeenteCode.ToUpperInvariant()) is not { } gemeente)
        {
            return null;
        }
        var view = await reader.LoadAsync(gemeente.Code, ct);
        var agreements = await db.PartnerAgreements.AsNoTracking().Where(a => a.GemeenteCode == gemeente.Code)
            .OrderBy(a => a.ReviewDate).ThenBy(a => a.Partner).ToListAsync(ct);
        var lastReview = await db.ProgrammeReviews.AsNoTracking().Where(r => r.GemeenteCode == gemeente.Code)
            .OrderByDescending(r => r.HeldOn).Select(r => (DateOnly?)r.HeldOn).FirstOrDefaultAsync(ct);
        return new ProgrammePlanData(gemeente, view.Programme, view.Actions, agreements,
            ProgrammePlanning.Compute(view.Programme, view.Actions), catalogue, Format.Today(clock), lastReview);
    }
}
