using System.Text;
using Masthead.Linkbacks;

namespace Masthead.Tests.Linkbacks;

public sealed class XmlRpcTests
{
    [Fact]
    public void Read_CallWritten_GivesBackMethodAndParameters()
    {
        var call = XmlRpc.Read(Encoding.UTF8.GetBytes(XmlRpc.Call("pingback.ping", "https://a.example/x?y=1&z=<2>", "https://b.example/")))!;

        Assert.Equal(("pingback.ping", false), (call.Method, call.IsFault));
        Assert.Equal(["https://a.example/x?y=1&z=<2>", "https://b.example/"], call.Values);
    }

    [Fact]
    public void Read_FaultResponse_CodeAndMessageInOrder()
    {
        var fault = XmlRpc.Read(Encoding.UTF8.GetBytes(XmlRpc.Fault(48, "Already registered.")))!;

        Assert.True(fault.IsFault);
        Assert.Equal(["48", "Already registered."], fault.Values);
    }

    [Fact]
    public void Read_FaultWithMembersInAnyOrder_CodeFoundByName()
    {
        var fault = XmlRpc.Read("<methodResponse><fault><value><struct><member><name>faultString</name><value><string>Too soon.</string></value></member><member><name>faultCode</name><value><int>429</int></value></member></struct></value></fault></methodResponse>"u8.ToArray())!;

        Assert.Equal(("429", "Too soon."), (fault.Members["faultCode"], fault.Members["faultString"]));
    }

    [Fact]
    public void Read_SuccessResponseWithBareValue_OneValue()
    {
        var answer = XmlRpc.Read("<?xml version=\"1.0\"?><methodResponse><params><param><value>Thanks!</value></param></params></methodResponse>"u8.ToArray())!;

        Assert.Equal((false, "Thanks!"), (answer.IsFault, answer.Values.Single()));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><methodResponse><params><param><value>&x;</value></param></params></methodResponse>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><methodResponse><params><param><value>&b;</value></param></params></methodResponse>")]
    [InlineData("<methodResponse><params>")]
    [InlineData("not xml at all")]
    public void Read_HostileOrBrokenAnswer_Null(string xml)
    {
        Assert.Null(XmlRpc.Read(Encoding.UTF8.GetBytes(xml)));
    }
}
