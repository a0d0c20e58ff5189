using System.Reflection;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Weerbaar.Bench.Micro;

/// <summary>
/// The internal BufferedTextWriter of Microsoft.AspNetCore.Components.Endpoints, which static SSR puts between the
/// renderer and the response (RazorComponentEndpointInvoker): every write becomes a TextChunk until the flush.
/// </summary>
public static class SsrBuffer
{
    private static readonly Type? WriterType = typeof(RazorComponentsServiceOptions).Assembly.GetTypes()
        .FirstOrDefault(t => t.Name == "BufferedTextWriter" && typeof(TextWriter).IsAssignableFrom(t));

    public static TextWriter Wrap(TextWriter underlying)
        => WriterType is null
            ? throw new InvalidOperationException("BufferedTextWriter not found in Microsoft.AspNetCore.Components.Endpoints; update this benchmark.")
            : (TextWriter)Activator.CreateInstance(WriterType, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, [underlying], null)!;
}
