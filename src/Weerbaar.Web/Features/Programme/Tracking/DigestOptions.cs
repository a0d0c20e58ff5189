using System.Globalization;

namespace Weerbaar.Web.Features.Programme.Tracking;

/// <summary>Configuration section Weerbaar:Programme:Digest: when the weekly digest goes out (Amsterdam time) and how often the worker looks.</summary>
public sealed class DigestOptions
{
    public const string Section = "Weerbaar:Programme:Digest";

    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;
    /// <summary>Time of day in Europe/Amsterdam, "HH:mm".</summary>
    public string Time { get; set; } = "07:00";
    /// <summary>Minutes between the worker's looks; 0 switches the worker off (tests run <see cref="ProgrammeDigest.RunAsync"/> themselves).</summary>
    public double IntervalMinutes { get; set; } = 15;

    public TimeOnly TimeOfDay => TimeOnly.TryParseExact(Time, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
        ? t
        : throw new InvalidOperationException($"{Section}:Time '{Time}' is geen tijd (UU:mm).");
}
