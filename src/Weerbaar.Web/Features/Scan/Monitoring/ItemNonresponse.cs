using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Scan.Monitoring;

/// <summary>
/// Item non-response of one answer column: among submitted responses, how many had the question applicable, how many
/// of those left it empty and how many answered 'weet niet'. Rates are fractions of <see cref="Applicable"/>.
/// </summary>
public sealed record ItemNonresponseRow(string Column, string QuestionId, string Text, int Applicable, int Empty, int DontKnow)
{
    public double? EmptyRate => Applicable == 0 ? null : Empty / (double)Applicable;
    public double? DontKnowRate => Applicable == 0 ? null : DontKnow / (double)Applicable;
}

/// <summary>Completeness of a round's responses: submitted (complete) and started but not submitted (partial).</summary>
public sealed record Completeness(int Submitted, int InProgress, int SubmittedFullyAnswered)
{
    /// <summary>Submitted responses with at least one applicable question left empty.</summary>
    public int SubmittedWithGaps => Submitted - SubmittedFullyAnswered;
}

public static class ItemNonresponse
{
    /// <summary>One row per answer column of the instrument, in codebook order (a ranking question: one row per item).</summary>
    public static IReadOnlyList<ItemNonresponseRow> Compute(Instrument instrument, IReadOnlyList<IReadOnlyDictionary<string, string>> submitted)
    {
        var rows = new List<ItemNonresponseRow>(instrument.ColumnOrder.Count);
        foreach (var column in instrument.ColumnOrder)
        {
            var question = instrument.QuestionOf(column)!;
            var dontKnow = question.AnswerSet is { } set && instrument.AnswerSets.TryGetValue(set, out var answers) ? answers.DontKnow?.Code : null;
            int applicable = 0, empty = 0, dk = 0;
            foreach (var response in submitted)
            {
                if (!Applies(question, response))
                {
                    continue;
                }
                applicable++;
                var value = response.GetValueOrDefault(column);
                if (string.IsNullOrWhiteSpace(value))
                {
                    empty++;
                }
                else if (dontKnow is not null && value == dontKnow)
                {
                    dk++;
                }
            }
            rows.Add(new ItemNonresponseRow(column, question.Id, Text(question, column), applicable, empty, dk));
        }
        return rows;
    }

    /// <summary>Submitted and in-progress counts, and how many submitted responses answered every applicable question.</summary>
    public static Completeness CompletenessOf(Instrument instrument, IReadOnlyList<IReadOnlyDictionary<string, string>> submitted, int inProgress)
    {
        var full = submitted.Count(r => instrument.ColumnOrder.All(c => !Applies(instrument.QuestionOf(c)!, r) || !string.IsNullOrWhiteSpace(r.GetValueOrDefault(c))));
        return new Completeness(submitted.Count, inProgress, full);
    }

    /// <summary>A question applies unless its condition (e.g. I4_anders only with ANDERS at I4) is not met.</summary>
    public static bool Applies(Question question, IReadOnlyDictionary<string, string> answers)
        => AnswerValidator.Visible(question, id => answers.GetValueOrDefault(id));

    private static string Text(Question question, string column)
        => question.Type == QuestionType.Ranking && question.Items?.FirstOrDefault(i => i.Id == column) is { } item
            ? $"{question.Text} – {item.Label}"
            : question.Text;
}
