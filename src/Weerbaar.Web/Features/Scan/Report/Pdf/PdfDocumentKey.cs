using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>
/// Which PDF a request asks for: the document kind, its scope (gemeente or round) and the visibility class of the reader
/// (e.g. whether the register of vulnerable locations is in it). With the data version it names one cached file.
/// </summary>
public sealed record PdfDocumentId(string Kind, string Scope, string Visibility);

/// <summary>
/// The cache key of a PDF: the document's identity plus a data version that is a hash of everything the print depends on —
/// the composed document itself (every figure, sentence and table the reader sees, so any change in any source the builders
/// read makes a new key, and a new source added to a builder needs no change here), the app build, the print stylesheet
/// and the Chromium binary. The key doubles as the ETag.
/// </summary>
public static class PdfDocumentKey
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new RuntimeTypeConverterFactory() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
    };

    /// <summary>The build of this app: a new build may lay out or word the same data differently.</summary>
    public static readonly string Build = typeof(PdfDocumentKey).Assembly.ManifestModule.ModuleVersionId.ToString("N")
        + (typeof(PdfDocumentKey).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "");

    /// <summary>"{kind}-{scope}-{hash}": file name and ETag; only letters, digits and '-'.</summary>
    public static string For(PdfDocumentId id, ReportDocument document, string printVersion)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"pdf-v1\n{id.Kind}\n{id.Scope}\n{id.Visibility}\n{Build}\n{printVersion}\n"));
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(document, Json));
        return $"{Safe(id.Kind)}-{Safe(id.Scope)}-{Convert.ToHexStringLower(hash.GetHashAndReset())}";
    }

    private static string Safe(string part) => new([.. part.Where(char.IsAsciiLetterOrDigit)]);

    /// <summary>Writes a value of an abstract declared type (a <see cref="ReportBlock"/>, a chart) with all properties of its
    /// runtime type and that type's name: by default System.Text.Json writes only the declared type's (none).</summary>
    private sealed class RuntimeTypeConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsAbstract && !typeToConvert.IsInterface;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
            => (JsonConverter)Activator.CreateInstance(typeof(RuntimeTypeConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class RuntimeTypeConverter<T> : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            var type = value!.GetType();
            writer.WriteStartObject();
            writer.WriteString("$type", type.FullName);
            writer.WritePropertyName("value");
            JsonSerializer.Serialize(writer, value, type, options);
            writer.WriteEndObject();
        }
    }
}
