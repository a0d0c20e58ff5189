namespace Weerbaar.Web.Features.Programme.Tracking;

/// <summary>An action whose deadline has passed or comes soon. <paramref name="Days"/> is the deadline minus today (negative: overdue).</summary>
public sealed record DeadlineItem(int Number, string Title, string Pillar, DateOnly Deadline, int Days, string Status, string Owner);

/// <summary>A milestone not reached whose date has passed or comes soon.</summary>
public sealed record MilestoneItem(int Number, string ActionTitle, string Name, DateOnly Date, int Days, string Owner)
{
    public bool Overdue => Days < 0;
}

/// <summary>A partner agreement whose review date has passed or comes soon.</summary>
public sealed record AgreementItem(string Partner, string Subject, DateOnly ReviewDate, int Days, IReadOnlyList<int> ActionNumbers)
{
    public bool Overdue => Days < 0;
}

/// <summary>
/// What needs attention on <paramref name="Today"/>: deadlines passed of actions not closed (done or stopped), deadlines in
/// the next <paramref name="HorizonDays"/> days (today included), milestones not reached and partner agreements to review
/// whose date has passed or falls within the horizon.
/// </summary>
public sealed record DeadlineOverview(
    DateOnly Today, int HorizonDays, IReadOnlyList<DeadlineItem> Overdue, IReadOnlyList<DeadlineItem> Upcoming,
    IReadOnlyList<MilestoneItem> Milestones, IReadOnlyList<AgreementItem> Agreements)
{
    public const int DefaultHorizonDays = 30;

    public DateOnly HorizonEnd => Today.AddDays(HorizonDays);

    /// <summary>Items past their date: overdue deadlines, milestones and agreement reviews.</summary>
    public int OverdueCount => Overdue.Count + Milestones.Count(m => m.Overdue) + Agreements.Count(a => a.Overdue);

    /// <summary>Items still to come within the horizon.</summary>
    public int UpcomingCount => Upcoming.Count + Milestones.Count(m => !m.Overdue) + Agreements.Count(a => !a.Overdue);

    public bool IsEmpty => OverdueCount + UpcomingCount == 0;

    public static DeadlineOverview Compute(IReadOnlyList<ProgrammeAction> actions, IReadOnlyList<PartnerAgreement> agreements, DateOnly today, int horizonDays = DefaultHorizonDays)
    {
        var end = today.AddDays(horizonDays);
        var open = actions.Where(a => !ActionStatus.IsClosed(a.Status)).ToList();
        DeadlineItem Item(ProgrammeAction a) => new(a.Number, a.Title, a.Pillar, a.Deadline, a.Deadline.DayNumber - today.DayNumber, a.Status, TrackingText.Owner(a.OwnerDepartment, a.OwnerPerson));
        var overdue = open.Where(a => a.Deadline < today).OrderBy(a => a.Deadline).ThenBy(a => a.Number).Select(Item).ToList();
        var upcoming = open.Where(a => a.Deadline >= today && a.Deadline <= end).OrderBy(a => a.Deadline).ThenBy(a => a.Number).Select(Item).ToList();
        var milestones = open
            .SelectMany(a => a.Milestones.Where(m => !m.Reached && m.Date <= end)
                .Select(m => new MilestoneItem(a.Number, a.Title, m.Name, m.Date, m.Date.DayNumber - today.DayNumber, TrackingText.Owner(a.OwnerDepartment, a.OwnerPerson))))
            .OrderBy(m => m.Date).ThenBy(m => m.Number).ToList();
        var reviews = agreements.Where(a => a.ReviewDate <= end)
            .OrderBy(a => a.ReviewDate).ThenBy(a => a.Partner, StringComparer.Ordinal)
            .Select(a => new AgreementItem(a.Partner, a.Subject, a.ReviewDate, a.ReviewDate.DayNumber - today.DayNumber, a.ActionNumbers))
            .ToList();
        return new DeadlineOverview(today, horizonDays, overdue, upcoming, milestones, reviews);
    }
}
