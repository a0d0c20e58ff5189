using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Agreement;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Scan.Instruments;

namespace Weerbaar.Web.Features.Scan.OpenAnswers;

/// <summary>Agreement between two researchers on one theme: κ over the present/absent decisions on the answers both coded.</summary>
/// <param name="Kappa">Cohen's κ; null when it is undefined (both coded the theme absent, or both present, on every common answer).</param>
/// <param name="PercentAgreement">Share of common answers on which both made the same decision, in percent.</param>
/// <param name="Both">Answers both gave the theme.</param>
/// <param name="Coder1Only">Answers only coder 1 gave the theme.</param>
/// <param name="Coder2Only">Answers only coder 2 gave the theme.</param>
/// <param name="Neither">Answers neither gave the theme.</param>
public sealed record ThemeAgreementDto(string Code, string Label, double? Kappa, double PercentAgreement, int Both, int Coder1Only, int Coder2Only, int Neither);

/// <summary>Agreement of two researchers on one open question.</summary>
/// <param name="N">Answers both coded.</param>
/// <param name="MeanKappa">Mean κ over the themes whose κ is defined; null when none is.</param>
/// <param name="ThemesWithKappa">Number of themes whose κ is defined.</param>
/// <param name="PercentAgreement">Share of all theme decisions (answers × themes) on which both agreed, in percent.</param>
public sealed record CoderPairAgreementDto(string Coder1, string Coder2, int N, double? MeanKappa, int ThemesWithKappa, double PercentAgreement, IReadOnlyList<ThemeAgreementDto> Themes);

public sealed record QuestionAgreementDto(string QuestionId, string QuestionText, IReadOnlyList<CoderPairAgreementDto> Pairs);

/// <summary>
/// Intercoder agreement per open question: for every pair of researchers who coded at least one same answer, per
/// theme Cohen's κ on the binary decision "theme present / absent" over the answers both coded
/// (<see cref="CohensKappa"/>), the mean κ over themes and the percent agreement.
/// </summary>
public sealed class OpenAnswerAgreement(AppDbContext db, InstrumentCatalog instruments, OpenAnswerCoder coder)
{
    private static readonly string[] Decisions = ["0", "1"];

    /// <summary>Null when the round does not exist.</summary>
    public async Task<IReadOnlyList<QuestionAgreementDto>?> ComputeAsync(Guid roundId, CancellationToken ct)
    {
        var instrumentId = await db.ScanRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => r.InstrumentId).FirstOrDefaultAsync(ct);
        if (instrumentId is null || instruments.Find(instrumentId) is not { } instrument)
        {
            return null;
        }
        var questions = OpenAnswerCoder.OpenQuestions(instrument);
        var answers = await coder.AnswersAsync(roundId, questions.Select(q => q.Id).ToList(), ct);
        var codings = await db.OpenAnswerCodings.AsNoTracking().Where(c => c.RoundId == roundId).ToListAsync(ct);
        return questions.Select(q =>
        {
            var codable = answers[q.Id].Select(a => a.ResponseId).ToHashSet();
            var byCoder = codings.Where(c => c.QuestionId == q.Id && codable.Contains(c.ResponseId))
                .GroupBy(c => c.CoderId)
                .Select(g => (Name: g.MaxBy(c => c.CodedAt)!.CoderName, Codings: g.ToDictionary(c => c.ResponseId, c => c.Themes)))
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .ToList();
            var pairs = new List<CoderPairAgreementDto>();
            for (var i = 0; i < byCoder.Count; i++)
            {
                for (var j = i + 1; j < byCoder.Count; j++)
                {
                    if (Pair(byCoder[i].Name, byCoder[i].Codings, byCoder[j].Name, byCoder[j].Codings) is { } pair)
                    {
                        pairs.Add(pair);
                    }
                }
            }
            return new QuestionAgreementDto(q.Id, q.Text, pairs);
        }).ToList();
    }

    /// <summary>The agreement of two researchers over the answers both coded; null when they coded none in common.</summary>
    public static CoderPairAgreementDto? Pair(string name1, IReadOnlyDictionary<Guid, List<string>> coder1, string name2, IReadOnlyDictionary<Guid, List<string>> coder2)
    {
        var common = coder1.Keys.Where(coder2.ContainsKey).Order().ToList();
        if (common.Count == 0)
        {
            return null;
        }
        var themes = OpenAnswerCoder.Codebook.Themes.Select(theme =>
        {
            var first = common.Select(r => (string?)(coder1[r].Contains(theme.Code) ? "1" : "0")).ToList();
            var second = common.Select(r => (string?)(coder2[r].Contains(theme.Code) ? "1" : "0")).ToList();
            var k = CohensKappa.Compute(first, second, Decisions);
            // Confusion rows/columns follow Decisions: [0] absent, [1] present.
            return new ThemeAgreementDto(theme.Code, theme.Label, k.Kappa, k.PercentAgreement!.Value,
                k.Confusion[1][1], k.Confusion[1][0], k.Confusion[0][1], k.Confusion[0][0]);
        }).ToList();
        var defined = themes.Where(t => t.Kappa is not null).Select(t => t.Kappa!.Value).ToList();
        return new CoderPairAgreementDto(name1, name2, common.Count, defined.Count > 0 ? defined.Average() : null, defined.Count,
            themes.Average(t => t.PercentAgreement), themes);
    }
}
