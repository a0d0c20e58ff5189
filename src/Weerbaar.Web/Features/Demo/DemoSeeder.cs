using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Features.Scan.Rounds;

namespace Weerbaar.Web.Features.Demo;

/// <summary>
/// Demo accounts for `dotnet run` (Weerbaar:Demo:Seed, default true): a beheerder, an onderzoeker, a regio user
/// and a coordinator and lezer of the demo gemeente. Passwords are generated on first start and printed once.
/// </summary>
public static class DemoSeeder
{
    public const string DemoGemeente = "GM0344"; // Utrecht
    public const string DemoRegio = "VR09";      // Utrecht

    public static async Task SeedAsync(UserManager<AppUser> users, TimeProvider clock, TextWriter console)
    {
        (string Email, string Name, string Role, string? Gemeente, string? Regio)[] accounts =
        [
            ("beheerder@weerbaar.demo", "Demo beheerder", Roles.Beheerder, null, null),
            ("onderzoeker@weerbaar.demo", "Demo onderzoeker", Roles.Onderzoeker, null, null),
            ("regio@weerbaar.demo", "Demo veiligheidsregio Utrecht", Roles.Regio, null, DemoRegio),
            ("coordinator@weerbaar.demo", "Demo coördinator Utrecht", Roles.Coordinator, DemoGemeente, null),
            ("lezer@weerbaar.demo", "Demo lezer Utrecht", Roles.Lezer, DemoGemeente, null),
        ];
        var printed = false;
        foreach (var a in accounts)
        {
            var password = PasswordGenerator.Generate();
            if (await AccountSeeder.EnsureUserAsync(users, a.Email, a.Name, a.Role, a.Gemeente, a.Regio, password, clock, resetPassword: false))
            {
                if (!printed)
                {
                    console.WriteLine();
                    console.WriteLine("== Weerbaar demo-accounts (wachtwoorden worden alleen nu getoond) ==");
                    printed = true;
                }
                console.WriteLine($"   {a.Role,-12} {a.Email,-28} {password}");
            }
        }
        if (printed)
        {
            console.WriteLine();
        }
    }

    public const string DemoRoundName = "Weerbaarheidsscan 2025 (demo, verzonnen cijfers)";

    /// <summary>
    /// ScanRound.CreatedBy of the seeded demo round. Rounds made through the app carry the creator's user name (an
    /// e-mail address), so this value marks the demo round without a column of its own.
    /// </summary>
    public const string DemoCreatedBy = "demo";

    public const string MadeUpNotice = "Alle cijfers in deze ronde zijn verzonnen (demonstratiegegevens): de antwoorden zijn getrokken "
        + "uit een rekenmodel dat lijkt op de landelijke uitkomsten van 2025 en komen van geen enkele echte gemeente.";

    public static bool IsDemo(ScanRound round) => round.CreatedBy == DemoCreatedBy;
    public const int DemoResponseCount = 101;

    /// <summary>A closed demo round with synthetic responses, so every analysis screen has realistic data.</summary>
    public static async Task SeedRoundAsync(AppDbContext db, InstrumentCatalog instruments, ReferenceData reference, TimeProvider clock)
    {
        await Locations.DemoLocations.SeedAsync(db, clock);
        // By marker, not by name: a database seeded before the round was renamed keeps its one demo round.
        if (await db.ScanRounds.AnyAsync(r => r.CreatedBy == DemoCreatedBy))
        {
            return;
        }
        var instrument = instruments.Find("weerbaarheidsscan-2025")!;
        var round = new ScanRound
        {
            Name = DemoRoundName,
            InstrumentId = instrument.Id,
            InstrumentHash = instruments.Hash(instrument.Id),
            OpensOn = new DateOnly(2025, 12, 15),
            ClosesOn = new DateOnly(2026, 1, 15),
            Status = RoundStatus.Gesloten,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = DemoCreatedBy,
        };
        db.ScanRounds.Add(round);
        var rows = DemoResponses.Generate(instrument, reference.Gemeenten.Select(g => g.Code).ToList(), DemoResponseCount, seed: 2025, include: [DemoGemeente]);
        var position = 0;
        foreach (var row in rows)
        {
            var at = DateTimeOffset.Parse(row.CompletedOn!, System.Globalization.CultureInfo.InvariantCulture);
            db.ScanResponses.Add(new ScanResponse
            {
                RoundId = round.Id,
                GemeenteCode = row.Gemeentecode,
                RespondentId = row.Respondent,
                Status = ResponseStatus.Submitted,
                Version = 1,
                Answers = new Dictionary<string, string>(row.Answers),
                CompletedOn = row.CompletedOn,
                CreatedAt = at,
                UpdatedAt = at,
                SubmittedAt = at,
                Source = "demo",
                Position = ++position,
            });
        }
        await db.SaveChangesAsync();
    }
}
