using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.ProgrammeTracking;

/// <summary>Programmes, actions and agreements written straight into the database (the programme pages are another slice).</summary>
public static class TrackingSeed
{
    public static ProgrammeAction Action(string g, int number, string pillar, DateOnly deadline, string status = ActionStatus.Running,
        DateOnly? completedOn = null, decimal oneOff = 0, decimal structural = 0, params ActionMilestone[] milestones) => new()
        {
            Id = Guid.NewGuid(),
            GemeenteCode = g,
            Number = number,
            Title = $"Actie {number} van {g}",
            Pillar = pillar,
            Phase = "koude-fase",
            OwnerDepartment = "Team OOV",
            OwnerPerson = $"Eigenaar {number}",
            StartDate = deadline.AddMonths(-3),
            Deadline = deadline,
            Status = status,
            CompletedOn = completedOn,
            OneOffBudget = oneOff,
            StructuralBudgetPerYear = structural,
            Milestones = [.. milestones],
            Version = 1,
            CreatedBy = "seed@test",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedBy = "seed@test",
            UpdatedAt = DateTimeOffset.UtcNow,
        };

    public static GemeenteProgramme ProgrammeRow(string g, string? digestEmail = null, DateOnly? start = null) => new()
    {
        GemeenteCode = g,
        Name = $"Programma {g}",
        DigestEmail = digestEmail,
        StartDate = start ?? new DateOnly(2026, 1, 1),
        ReviewCycleMonths = 3,
        AvailableFte = 2,
        Budget = [new BudgetLine(2026, 100_000m), new BudgetLine(2027, 100_000m)],
        Version = 1,
        UpdatedBy = "seed@test",
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Stores the programme and actions once per database; later calls leave what is there.</summary>
    public static Task EnsureAsync(WeerbaarFactory app, GemeenteProgramme programme, IEnumerable<ProgrammeAction> actions, IEnumerable<PartnerAgreement>? agreements = null)
        => app.WithDbAsync(async db =>
        {
            if (await db.Programmes.IgnoreQueryFilters().AnyAsync(p => p.GemeenteCode == programme.GemeenteCode))
            {
                return 0;
            }
            db.Programmes.Add(programme);
            db.ProgrammeActions.AddRange(actions);
            db.PartnerAgreements.AddRange(agreements ?? []);
            return await db.SaveChangesAsync();
        });

    public static PartnerAgreement Agreement(string g, string partner, DateOnly review, params int[] actions) => new()
    {
        Id = Guid.NewGuid(),
        GemeenteCode = g,
        Partner = partner,
        Subject = $"Afspraak met {partner}",
        Contact = "Geheime Contactpersoon",
        ReviewDate = review,
        ActionNumbers = [.. actions],
        Version = 1,
        UpdatedBy = "seed@test",
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    public static Task<ProgrammeAction> ActionRowAsync(WeerbaarFactory app, string g, int number)
        => app.WithDbAsync(db => db.ProgrammeActions.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.GemeenteCode == g && a.Number == number));
}
