namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>Chromium could not be started or failed while printing; the PDF endpoint answers 503.</summary>
public sealed class ChromiumUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
