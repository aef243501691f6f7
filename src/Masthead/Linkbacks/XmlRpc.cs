using System.Net;
using System.Text;
using System.Xml;

namespace Masthead.Linkbacks;

/// <summary>
/// What an XML-RPC message held: a call's method name (empty for a response), whether it is a
/// fault, its values as strings in document order, and struct members by name (a fault's
/// <c>faultCode</c> and <c>faultString</c>, in whatever order they came).
/// </summary>
public sealed record XmlRpcMessage(string Method, bool IsFault, IReadOnlyList<string> Values, IReadOnlyDictionary<string, string> Members);

/// <summary>
/// The small part of XML-RPC that Pingback 1.0 uses, both ways: calls and responses whose values
/// are strings and ints, and faults. Read with <see cref="XmlReader"/> rather than an XML-RPC
/// library: one method needs a few dozen lines, and the reader can be locked down — no DTD, no
/// entities, no external resources, a size cap — which makes XXE and "billion laughs" harmless,
/// whichever side sent them.
/// </summary>
public static class XmlRpc
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>Reads a <c>methodCall</c> or <c>methodResponse</c>; null when it is not well-formed or declares a DTD.</summary>
    public static XmlRpcMessage? Read(byte[] body)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBytes,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            var method = "";
            var fault = false;
            var values = new List<string>();
            var members = new Dictionary<string, string>(StringComparer.Ordinal);
            string? member = null;
            string? current = null;
            var inValue = false;
            var valueText = new StringBuilder();
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        current = reader.LocalName;
                        fault |= current == "fault";
                        if (current == "value")
                        {
                            // A struct's inner value restarts the text; its member names are not values.
                            inValue = !reader.IsEmptyElement;
                            valueText.Clear();
                            if (reader.IsEmptyElement)
                            {
                                values.Add("");
                            }
                        }
                        else if (current == "name")
                        {
                            inValue = false;
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA:
                        if (current == "methodName")
                        {
                            method = reader.Value.Trim();
                        }
                        else if (current == "name")
                        {
                            member = reader.Value.Trim();
                        }
                        else if (inValue)
                        {
                            valueText.Append(reader.Value);
                        }

                        break;
                    case XmlNodeType.EndElement when reader.LocalName == "value" && inValue:
                        values.Add(valueText.ToString().Trim());
                        if (member is not null)
                        {
                            members[member] = values[^1];
                            member = null;
                        }

                        inValue = false;
                        break;
                }
            }

            return new XmlRpcMessage(method, fault, values, members);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    public static string Call(string method, params string[] parameters) =>
        "<?xml version=\"1.0\"?>\n<methodCall><methodName>" + WebUtility.HtmlEncode(method) + "</methodName><params>" +
        string.Concat(parameters.Select(p => $"<param><value><string>{WebUtility.HtmlEncode(p)}</string></value></param>")) +
        "</params></methodCall>";

    public static string Success(string message) =>
        $"<?xml version=\"1.0\"?>\n<methodResponse><params><param><value><string>{WebUtility.HtmlEncode(message)}</string></value></param></params></methodResponse>";

    public static string Fault(int code, string message) =>
        "<?xml version=\"1.0\"?>\n<methodResponse><fault><value><struct>" +
        $"<member><name>faultCode</name><value><int>{code}</int></value></member>" +
        $"<member><name>faultString</name><value><string>{WebUtility.HtmlEncode(message)}</string></value></member>" +
        "</struct></value></fault></methodResponse>";
}
