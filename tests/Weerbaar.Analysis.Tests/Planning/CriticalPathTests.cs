using Weerbaar.Analysis.Planning;

namespace Weerbaar.Analysis.Tests.Planning;

public class CriticalPathTests
{
    private static readonly DateOnly Monday = new(2027, 1, 4);

    // Textbook network; day 0 is 2027-01-04. ES = max(EF + lag of the predecessors), EF = ES + d;
    // LF = min(LS − lag of the successors), LS = LF − d; end = max EF = 14.
    //
    //  act  d  preds  ES EF  LS LF  total free
    //  A    3  -       0  3   0  3    0    0   (min(ES C, ES D) − EF = 3 − 3)
    //  B    4  -       0  4   3  7    3    0   (min(ES E 5, ES H 4) − 4)
    //  C    2  A       3  5   5  7    2    0
    //  D    5  A       3  8   3  8    0    0
    //  E    3  B,C     5  8   7 10    2    2   (ES G 10 − 8)
    //  F    2  D       8 10   8 10    0    0
    //  G    4  E,F    10 14  10 14    0    0
    //  H    6  B       4 10   8 14    4    4   (ES I 14 − 10)
    //  I    0  G,H    14 14  14 14    0    0   (milestone)
    //
    // Critical path A → D → F → G → I.
    private static readonly PlanAction[] Textbook =
    [
        new("A", "Risico's inventariseren", 3),
        new("B", "Partners benaderen", 4),
        new("C", "Scenario's kiezen", 2),
        new("D", "Plan opstellen", 5),
        new("E", "Afspraken maken", 3),
        new("F", "Budget aanvragen", 2),
        new("G", "Oefening houden", 4),
        new("H", "Materiaal inkopen", 6),
        new("I", "Plan vastgesteld", 0),
    ];

    private static readonly PlanDependency[] TextbookDependencies =
    [
        new("A", "C"), new("A", "D"), new("B", "E"), new("C", "E"), new("D", "F"),
        new("E", "G"), new("F", "G"), new("B", "H"), new("G", "I"), new("H", "I"),
    ];

    [Fact]
    public void Textbook_MatchesHandComputation()
    {
        var schedule = CriticalPath.Compute(Textbook, TextbookDependencies, Monday);

        int[][] expected =
        [
            [0, 3, 0, 3, 0, 0], [0, 4, 3, 7, 3, 0], [3, 5, 5, 7, 2, 0], [3, 8, 3, 8, 0, 0], [5, 8, 7, 10, 2, 2],
            [8, 10, 8, 10, 0, 0], [10, 14, 10, 14, 0, 0], [4, 10, 8, 14, 4, 4], [14, 14, 14, 14, 0, 0],
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            var a = schedule.Actions[i];
            Assert.Equal(expected[i], new[] { a.EarlyStart, a.EarlyFinish, a.LateStart, a.LateFinish, a.TotalSlack, a.FreeSlack });
            Assert.Equal(expected[i][4] == 0, a.IsCritical);
        }
        Assert.Equal(14, schedule.ProjectEnd);
        var path = Assert.Single(schedule.CriticalPaths);
        Assert.Equal(["A", "D", "F", "G", "I"], path);
        Assert.Empty(schedule.DeadlineMisses);
    }

    [Fact]
    public void Textbook_DatesFollowTheConvention()
    {
        var schedule = CriticalPath.Compute(Textbook, TextbookDependencies, Monday);

        // A runs days 0..2: 4 to 6 January; its successor D starts on the 7th.
        Assert.Equal(new DateOnly(2027, 1, 4), schedule.Actions[0].EarliestStartDate);
        Assert.Equal(new DateOnly(2027, 1, 6), schedule.Actions[0].EarliestFinishDate);
        Assert.Equal(new DateOnly(2027, 1, 7), schedule.Actions[3].EarliestStartDate);
        // G runs days 10..13: 14 to 17 January. The milestone I starts the 18th, which is the end of the 17th.
        Assert.Equal(new DateOnly(2027, 1, 17), schedule.Actions[6].EarliestFinishDate);
        Assert.Equal(new DateOnly(2027, 1, 18), schedule.Actions[8].EarliestStartDate);
        Assert.Equal(new DateOnly(2027, 1, 17), schedule.Actions[8].EarliestFinishDate);
        Assert.Equal(new DateOnly(2027, 1, 17), schedule.ProjectEndDate);
        // H: late start day 8 = 12 January, late finish day 13 = 17 January.
        Assert.Equal(new DateOnly(2027, 1, 12), schedule.Actions[7].LatestStartDate);
        Assert.Equal(new DateOnly(2027, 1, 17), schedule.Actions[7].LatestFinishDate);
    }

    [Fact]
    public void GivenProgrammeEnd_AddsSlackEverywhere()
    {
        // End of 20 January = day 17, three days after the earliest end: every total slack grows by 3,
        // free slack only for actions that end the network (I). The critical path is the one with least slack.
        var schedule = CriticalPath.Compute(Textbook, TextbookDependencies, Monday, new DateOnly(2027, 1, 20));

        Assert.Equal(17, schedule.ProjectEnd);
        Assert.Equal([3, 6, 5, 3, 5, 3, 3, 7, 3], schedule.Actions.Select(a => a.TotalSlack));
        Assert.Equal([0, 0, 0, 0, 2, 0, 0, 4, 3], schedule.Actions.Select(a => a.FreeSlack));
        Assert.Equal(["A", "D", "F", "G", "I"], Assert.Single(schedule.CriticalPaths));
    }

    [Fact]
    public void TooEarlyProgrammeEnd_GivesNegativeSlack()
    {
        var schedule = CriticalPath.Compute(Textbook, TextbookDependencies, Monday, new DateOnly(2027, 1, 15));

        Assert.Equal(-2, schedule.Actions[0].TotalSlack);
        Assert.Equal(["A", "D", "F", "G", "I"], Assert.Single(schedule.CriticalPaths));
    }

    // Lags, a fixed start and a deadline; day 0 is 2027-03-01.
    //
    //  act  d  preds          fixed start   ES EF  LS LF  total free
    //  P    5  -                             0  5   0  5    0    0   (min(ES Q 8 − 3, ES R 14) − 5)
    //  Q   10  P (lag 3)                     8 18   8 18    0    0   (ES S 20 − 2 − 18)
    //  R    4  P              15 Mar (14)   14 18  16 20    2    2
    //  S    7  Q (lag 2), R                 20 27  20 27    0    0
    //
    // Q may start 3 days after P: P ends on day 4 (5 March), Q starts day 8 (9 March). R waits for its
    // fixed start although P is done on 5 March. S: EF 27, so its last day is day 26 = 27 March; the
    // deadline of 25 March is missed by 2 days.
    [Fact]
    public void LagsFixedStartAndDeadline_MatchHandComputation()
    {
        PlanAction[] actions =
        [
            new("P", "Plan opstellen", 5),
            new("Q", "Budget aanvragen", 10),
            new("R", "Inkoop", 4) { EarliestStart = new DateOnly(2027, 3, 15) },
            new("S", "Uitvoering", 7) { Deadline = new DateOnly(2027, 3, 25) },
        ];
        PlanDependency[] dependencies = [new("P", "Q", 3), new("P", "R"), new("Q", "S", 2), new("R", "S")];

        var schedule = CriticalPath.Compute(actions, dependencies, new DateOnly(2027, 3, 1));

        int[][] expected = [[0, 5, 0, 5, 0, 0], [8, 18, 8, 18, 0, 0], [14, 18, 16, 20, 2, 2], [20, 27, 20, 27, 0, 0]];
        for (var i = 0; i < expected.Length; i++)
        {
            var a = schedule.Actions[i];
            Assert.Equal(expected[i], new[] { a.EarlyStart, a.EarlyFinish, a.LateStart, a.LateFinish, a.TotalSlack, a.FreeSlack });
        }
        Assert.Equal(new DateOnly(2027, 3, 5), schedule.Actions[0].EarliestFinishDate);
        Assert.Equal(new DateOnly(2027, 3, 9), schedule.Actions[1].EarliestStartDate);
        Assert.Equal(new DateOnly(2027, 3, 15), schedule.Actions[2].EarliestStartDate);
        Assert.Equal(["P", "Q", "S"], Assert.Single(schedule.CriticalPaths));
        var miss = Assert.Single(schedule.DeadlineMisses);
        Assert.Equal("S", miss.ActionId);
        Assert.Equal(new DateOnly(2027, 3, 27), miss.EarliestFinish);
        Assert.Equal(2, miss.DaysLate);
        Assert.Equal("'Uitvoering' is op zijn vroegst klaar op 27 maart 2027, 2 dagen na de deadline van 25 maart 2027.", miss.Message);
    }

    [Fact]
    public void DeadlineOnTheFinishDay_IsMet()
    {
        PlanAction[] actions = [new("A", "Plan opstellen", 1) { Deadline = Monday }];

        Assert.Empty(CriticalPath.Compute(actions, [], Monday).DeadlineMisses);
    }

    [Fact]
    public void TwoEqualChains_AreBothCritical()
    {
        PlanAction[] actions = [new("A", "a", 2), new("B", "b", 3), new("C", "c", 3), new("D", "d", 1)];
        PlanDependency[] dependencies = [new("A", "B"), new("A", "C"), new("B", "D"), new("C", "D")];

        var schedule = CriticalPath.Compute(actions, dependencies, Monday);

        Assert.Equal([["A", "B", "D"], ["A", "C", "D"]], schedule.CriticalPaths);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomDags_SatisfyTheScheduleRules(int seed)
    {
        var random = new Random(seed);
        var n = 40;
        var actions = Enumerable.Range(0, n).Select(i => new PlanAction($"a{i}", $"Actie {i}", random.Next(0, 11))
        {
            EarliestStart = random.Next(6) == 0 ? Monday.AddDays(random.Next(30)) : null,
        }).ToArray();
        // Edges only from a lower to a higher position in a shuffled order: a DAG whose input order is not topological.
        var rank = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var dependencies = new List<PlanDependency>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (rank[i] < rank[j] && random.NextDouble() < 0.08)
                {
                    dependencies.Add(new PlanDependency($"a{i}", $"a{j}", random.Next(0, 4)));
                }
            }
        }

        var schedule = CriticalPath.Compute(actions, dependencies, Monday);

        var byId = schedule.Actions.ToDictionary(a => a.Action.Id);
        foreach (var d in dependencies)
        {
            Assert.True(byId[d.SuccessorId].EarlyStart >= byId[d.PredecessorId].EarlyFinish + d.LagDays);
            Assert.True(byId[d.SuccessorId].LateStart >= byId[d.PredecessorId].LateFinish + d.LagDays);
        }
        foreach (var a in schedule.Actions)
        {
            Assert.True(a.TotalSlack >= 0);
            Assert.InRange(a.FreeSlack, 0, a.TotalSlack);
            Assert.True(a.LateFinish <= schedule.ProjectEnd);
            Assert.True(a.EarlyStart >= (a.Action.EarliestStart is { } s ? s.DayNumber - Monday.DayNumber : 0));
        }
        Assert.NotEmpty(schedule.CriticalPaths);
        foreach (var chain in schedule.CriticalPaths)
        {
            var first = byId[chain[0]];
            Assert.Equal(first.Action.EarliestStart is { } s ? s.DayNumber - Monday.DayNumber : 0, first.EarlyStart);
            Assert.Equal(schedule.ProjectEnd, byId[chain[^1]].EarlyFinish);
            for (var k = 1; k < chain.Count; k++)
            {
                var lag = dependencies.Where(d => d.PredecessorId == chain[k - 1] && d.SuccessorId == chain[k]).Min(d => d.LagDays);
                Assert.Equal(byId[chain[k]].EarlyStart, byId[chain[k - 1]].EarlyFinish + lag);
                Assert.Equal(0, byId[chain[k]].TotalSlack);
            }
        }
    }
}
