using Weerbaar.Web.Features.Scan.Monitoring;

namespace Weerbaar.Web.Tests.Scan;

public sealed class MonitorCsvTests
{
    [Fact]
    public void Csv_has_a_BOM_a_header_CRLF_and_neutralised_formulas()
    {
        var bytes = MonitorCsv.Write(["gemeente", "aantal"], [["=SOM(A1)", "3"], ["Bergen, NH", "-"]]);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("gemeente,aantal\r\n'=SOM(A1),3\r\n\"Bergen, NH\",'-\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }
}
