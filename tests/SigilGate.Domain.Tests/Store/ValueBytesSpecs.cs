using System.Text;
using SigilGate.Domain.Store;
using SigilGate.Domain.Validation;

namespace SigilGate.Domain.Tests.Store;

/// <summary>
/// etcd values as text: exact both ways whatever the bytes, and a value that is not UTF-8 is never
/// read as a valid record (read loosely, a bad byte became U+FFFD: a record nobody wrote).
/// </summary>
public class ValueBytesSpecs
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Any_bytes_come_back_exactly_from_their_text(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 24)];
            random.NextBytes(bytes);

            // Half the cases mostly UTF-8: text with a bad byte or a cut sequence among it.
            if (i % 2 == 0) bytes = [.. Encoding.UTF8.GetBytes("{\"s\":\"é𐂀x\"}"), .. bytes.Take(random.Next(0, 3))];

            ValueBytes.ToBytes(ValueBytes.ToText(bytes)).ShouldBe(bytes, Convert.ToHexString(bytes));
        }
    }

    [TestCase("{\"status\":\"up\"}")]
    [TestCase("é ü ß")]
    [TestCase("\U00010080 \U0001F600")]
    public void Utf8_text_is_read_as_itself_and_never_said_to_be_other(string text)
    {
        var read = ValueBytes.ToText(Encoding.UTF8.GetBytes(text));

        read.ShouldBe(text);
        ValueBytes.FirstNonUtf8Byte(read).ShouldBeNull();
        ValueBytes.ToBytes(read).ShouldBe(Encoding.UTF8.GetBytes(text));
    }

    [Test]
    public void The_first_byte_that_is_not_utf8_is_named_with_the_bytes_before_it()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\"a\":\"é"), 0xff, (byte)'"', (byte)'}'];

        ValueBytes.FirstNonUtf8Byte(ValueBytes.ToText(bytes)).ShouldBe(((byte)0xff, 8));
    }

    [Test]
    public void A_state_value_with_a_byte_that_is_not_utf8_is_no_record()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("{\"grpc_path\":\"/g"), 0xff, .. Encoding.UTF8.GetBytes("\",\"last_seen\":\"2026-12-07T03:00:00Z\",\"status\":\"up\"}")];

        var read = RecordJson.Parse(Domain.Records.RecordPath.Parse("state/core-1/entries/e-1.yaml"), ValueBytes.ToText(bytes));

        read.Record.ShouldBeNull();
        read.Diagnostics.Select(d => d.ToString()).ShouldBe(["state/core-1/entries/e-1.yaml: value is not valid UTF-8 (byte 0xFF after 16 bytes)"]);
    }
}
