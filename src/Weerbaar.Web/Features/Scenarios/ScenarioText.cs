using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Scenarios;

public static class ScenarioText
{
    /// <summary>"96 uur (4 dagen)"; whole days only when the hours divide.</summary>
    public static string Duration(int hours) => hours >= 48 && hours % 24 == 0
        ? $"{Format.Number(hours)} uur ({Format.Number(hours / 24)} dagen)"
        : $"{Format.Number(hours)} uur";
}
