namespace Weerbaar.Analysis.Disclosure;

/// <summary>Settings for small-cell suppression of published counts.</summary>
public sealed record DisclosureSettings
{
    /// <summary>The default minimum number of respondents a published cell or group must have.</summary>
    public const int DefaultThreshold = 5;

    /// <summary>The default settings: threshold 5, unanimous groups protected.</summary>
    public static DisclosureSettings Default { get; } = new();

    /// <summary>
    /// A cell with 0 &lt; count &lt; <see cref="Threshold"/> is suppressed, and so is every cell of a group (a
    /// distribution, a table row or column) whose total is 0 &lt; n &lt; <see cref="Threshold"/>. At least 1.
    /// </summary>
    public int Threshold
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The threshold is at least 1.");
    } = DefaultThreshold;

    /// <summary>
    /// When every respondent of a group (of at least <see cref="Threshold"/>) is in one category, publishing the
    /// distribution tells a reader the answer of each member of the group. If true, all category cells of such a
    /// group are suppressed (<see cref="SuppressionReason.Unanimous"/>); the group's total stays published.
    /// </summary>
    public bool ProtectUnanimousGroups { get; init; } = true;
}
