namespace Weerbaar.Analysis.Disclosure;

/// <summary>
/// Disclosure control for figures that are not counts: statistics per group (a mean score per province, a test per
/// peer group) and the figures of a whole round. See Disclosure/README.md.
/// </summary>
public static class GroupSuppression
{
    /// <summary>
    /// Which groups must be withheld when a statistic (e.g. a mean) and n are published per group next to the same
    /// statistic over all groups. Primary: 0 &lt; n &lt; threshold. Complementary: from the overall figure a reader can
    /// compute the withheld groups taken together (overall sum minus the published sums), so the withheld groups
    /// together must also hold at least the threshold — otherwise the smallest published non-empty group is withheld
    /// too, until they do (or nothing is left to publish).
    /// </summary>
    /// <returns>Per group: true when withheld.</returns>
    public static bool[] Protect(IReadOnlyList<int> groupSizes, DisclosureSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(groupSizes);
        var t = (settings ?? DisclosureSettings.Default).Threshold;
        var withheld = groupSizes.Select(n => n > 0 && n < t).ToArray();
        while (true)
        {
            var hidden = groupSizes.Where((n, i) => withheld[i]).Sum();
            if (hidden == 0 || hidden >= t)
            {
                return withheld;
            }
            var next = Enumerable.Range(0, groupSizes.Count)
                .Where(i => !withheld[i] && groupSizes[i] > 0)
                .OrderBy(i => groupSizes[i]).ThenBy(i => i)
                .Cast<int?>().FirstOrDefault();
            if (next is null)
            {
                return withheld;
            }
            withheld[next.Value] = true;
        }
    }

    /// <summary>
    /// The answer distribution of one question over the whole round (no breakdown): a reader cannot tell which of
    /// the responding gemeenten gave which answer, so single small cells are published. Withheld: everything when
    /// 0 &lt; n &lt; threshold (small group), and the categories when all respondents gave the same answer
    /// (unanimity, if set), because then each responding gemeente's answer is known.
    /// </summary>
    /// <param name="groupSize">The respondents the distribution is drawn from, when more than its total (e.g. all
    /// respondents of the round, of whom some skipped the question): when 0 &lt; groupSize &lt; threshold everything is
    /// withheld too, since even "nobody answered" says something about each of so few.</param>
    public static ProtectedDistribution ProtectOverall(IReadOnlyList<int> counts, DisclosureSettings? settings = null, int? groupSize = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        settings ??= DisclosureSettings.Default;
        if (counts.Any(c => c < 0))
        {
            throw new ArgumentException("Counts are not negative.", nameof(counts));
        }
        var n = counts.Sum();
        var group = Math.Max(n, groupSize ?? n);
        if ((n > 0 && n < settings.Threshold) || (group > 0 && group < settings.Threshold))
        {
            return new ProtectedDistribution(counts.Select(_ => ProtectedCell.Suppressed(SuppressionReason.SmallGroup)).ToList(),
                ProtectedCell.Suppressed(SuppressionReason.SmallGroup));
        }
        var unanimous = settings.ProtectUnanimousGroups && n > 0 && counts.Count >= 2 && counts.Count(c => c > 0) == 1;
        return new ProtectedDistribution(
            counts.Select(c => unanimous ? ProtectedCell.Suppressed(SuppressionReason.Unanimous) : ProtectedCell.Published(c, n)).ToList(),
            ProtectedCell.Published(n, n));
    }
}
