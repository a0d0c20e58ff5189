using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Programme;

/// <summary>Stores a programme and its actions directly (the action forms belong to another slice), replacing what the gemeente had.</summary>
public static class PlanningSeed
{
    public static Task ReplaceAsync(WeerbaarFactory app, GemeenteProgramme programme, params ProgrammeAction[] actions) => app.WithDbAsync(async db =>
    {
        var code = programme.GemeenteCode;
        await db.ProgrammeActions.IgnoreQueryFilters().Where(a => a.GemeenteCode == code).ExecuteDeleteAsync();
        await db.Programmes.IgnoreQueryFilters().Where(p => p.GemeenteCode == code).ExecuteDeleteAsync();
        db.Programmes.Add(programme);
        db.ProgrammeActions.AddRange(actions);
        return await db.SaveChangesAsync();
    });

    public static GemeenteProgramme NewProgramme(string code, DateOnly start, double availableFte, params BudgetLine[] budget) => new()
    {
        GemeenteCode = code,
        Name = "Programma weerbaarheid (test)",
        StartDate = start,
        AvailableFte = availableFte,
        Budget = [.. budget],
        Version = 1,
        UpdatedBy = "test",
    };

    public static ProgrammeAction NewAction(string code, int number, string title, string pillar, DateOnly start, DateOnly deadline, double fte = 0,
        decimal oneOff = 0, decimal structural = 0, params ActionDependency[] dependencies) => new()
        {
            GemeenteCode = code,
            Number = number,
            Title = title,
            Pillar = pillar,
            Phase = "koude-fase",
            OwnerDepartment = "OOV",
            StartDate = start,
            Deadline = deadline,
            FtePerMonth = fte,
            OneOffBudget = oneOff,
            StructuralBudgetPerYear = structural,
            Dependencies = [.. dependencies],
            Version = 1,
            CreatedBy = "test",
            UpdatedBy = "test",
        };
}
