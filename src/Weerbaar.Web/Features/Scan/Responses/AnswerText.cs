using Weerbaar.Web.Features.Scan.Instruments;

namespace Weerbaar.Web.Features.Scan.Responses;

/// <summary>Answers in words, for the review page and the confirmation e-mail.</summary>
public static class AnswerText
{
    public static string Label(Question q, string id)
        => q.Type == QuestionType.Ranking ? $"Positie van ‘{q.Items!.First(i => i.Id == id).Label}’" : $"{q.Id}. {q.Text}";

    public static string Display(Instrument instrument, Question q, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "Niet ingevuld";
        }
        if (q.AnswerSet is { } setName)
        {
            var set = instrument.AnswerSets[setName];
            return string.Join(", ", value.Split('|').Select(code => set.Options.Concat(set.DontKnow is null ? [] : [set.DontKnow]).FirstOrDefault(o => o.Code == code)?.Label ?? code));
        }
        return value;
    }
}
