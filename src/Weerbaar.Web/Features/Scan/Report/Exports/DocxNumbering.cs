using DocumentFormat.OpenXml.Wordprocessing;

namespace Weerbaar.Web.Features.Scan.Report.Exports;

/// <summary>Bullets (one shared list) and numbered lists (each its own instance, so every list starts at its own number).</summary>
internal sealed class DocxNumbering
{
    private const int BulletDefinition = 1;
    private const int DecimalDefinition = 2;
    public const int Bullets = 1;
    private readonly List<NumberingInstance> _instances = [Instance(Bullets, BulletDefinition, null)];

    public int NewNumberedList(int start)
    {
        var id = _instances.Count + 1;
        _instances.Add(Instance(id, DecimalDefinition, start));
        return id;
    }

    public Numbering Build()
    {
        var numbering = new Numbering(
            Definition(BulletDefinition, level => NumberFormatValues.Bullet, level => (level % 3) switch { 0 => "•", 1 => "◦", _ => "▪" }),
            Definition(DecimalDefinition, level => level % 2 == 0 ? NumberFormatValues.Decimal : NumberFormatValues.LowerLetter, level => $"%{level + 1}."));
        numbering.Append(_instances);
        return numbering;
    }

    private static NumberingInstance Instance(int id, int definition, int? start)
    {
        var instance = new NumberingInstance(new AbstractNumId { Val = definition }) { NumberID = id };
        if (start is not null)
        {
            instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = 0 });
        }
        return instance;
    }

    private static AbstractNum Definition(int id, Func<int, NumberFormatValues> format, Func<int, string> text)
    {
        var definition = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var level = 0; level < 9; level++)
        {
            definition.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format(level) },
                new LevelText { Val = text(level) },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = (360 * (level + 1)).ToString(), Hanging = "360" }))
            { LevelIndex = level });
        }
        return definition;
    }
}
