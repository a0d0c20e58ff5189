using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.CrisisKit.Archive;

/// <summary>
/// The ZIP of a crisis kit: the files in the order given and a LEESMIJ.txt first that says what is in it, when it was
/// made and each file's SHA-256 (one "hash  name" line per file, the format of <c>sha256sum -c</c>).
/// </summary>
public static class CrisisKitZip
{
    public const string ReadMe = "LEESMIJ.txt";

    public static byte[] Write(string gemeenteName, bool withRegister, DateTimeOffset createdAt, IReadOnlyList<ArchiveFile> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ReadMe, Encoding.UTF8.GetBytes(ReadMeText(gemeenteName, withRegister, createdAt, files)), createdAt);
            foreach (var file in files)
            {
                Add(zip, file.Name, file.Bytes, createdAt);
            }
        }
        return buffer.ToArray();
    }

    public static string ReadMeText(string gemeenteName, bool withRegister, DateTimeOffset createdAt, IReadOnlyList<ArchiveFile> files)
    {
        var text = new StringBuilder()
            .AppendLine($"Crisiskit van de gemeente {gemeenteName}")
            .AppendLine($"Gemaakt op {Format.Moment(createdAt)} door Weerbaar.")
            .AppendLine()
            .AppendLine("Per noodsteunpunt drie bestanden: een PDF om af te drukken (A4, leesbaar in grijstinten), één HTML-bestand dat")
            .AppendLine("zonder server en zonder netwerk opent (bijvoorbeeld van een USB-stick) en de inhoud als JSON, waarvan het")
            .AppendLine("controlegetal (SHA-256) op elke pagina van het pack staat.")
            .AppendLine(withRegister
                ? "Deze uitgave bevat de kwetsbare locaties uit het register, met contactgegevens: deel haar alleen met wie haar nodig heeft."
                : "Deze uitgave bevat geen kwetsbare locaties: die staan alleen in de uitgave voor wie het register van de gemeente bijhoudt.")
            .AppendLine()
            .AppendLine("Bestanden:");
        foreach (var file in files)
        {
            text.AppendLine($"- {file.Name}: {file.Description}");
        }
        text.AppendLine()
            .AppendLine("Controlegetallen (SHA-256); controleer met: sha256sum -c --ignore-missing LEESMIJ.txt")
            .AppendLine();
        foreach (var file in files)
        {
            text.Append(Sha256(file.Bytes)).Append("  ").Append(file.Name).Append('\n');
        }
        return text.ToString();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void Add(ZipArchive zip, string name, byte[] bytes, DateTimeOffset at)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = at;
        using var stream = entry.Open();
        stream.Write(bytes);
    }
}
