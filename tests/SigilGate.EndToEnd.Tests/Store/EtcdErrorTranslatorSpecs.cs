using System.Net.Http;
using System.Net.Sockets;
using Grpc.Core;
using SigilGate.Domain.Configuration;
using SigilGate.Domain.Store;
using SigilGate.Etcd;

namespace SigilGate.EndToEnd.Tests.Store;

/// <summary>gRPC's own failures, as the client library raises them, in the operator's words.</summary>
public sealed class EtcdErrorTranslatorSpecs
{
    private static readonly EtcdSettings Secured = new(Endpoints: "https://127.0.0.1:2379", CaFile: "/etc/sigil/ca.pem");

    [Test]
    public void A_connection_given_up_before_grpc_calls_it_unavailable_is_etcd_unavailable_and_points_at_the_client_certificate()
    {
        var handshake = new HttpRequestException(HttpRequestError.HttpProtocolError,
            "An HTTP/2 connection could not be established because the server did not complete the HTTP/2 handshake.");
        var error = new RpcException(new Status(StatusCode.Internal, "Error starting gRPC call. HttpRequestException: " + handshake.Message, handshake));

        var translated = new EtcdErrorTranslator(Secured).Translate("read prefix /tls/", error);

        translated.ShouldBeOfType<StoreUnavailableException>();
        translated.Message.ShouldContain("Etcd:CertFile");
        translated.Message.ShouldNotContain("gRPC");
        translated.Message.ShouldNotContain("HttpRequestException");
    }

    [Test]
    public void An_internal_error_etcd_answered_stays_an_error_of_etcd()
    {
        var error = new RpcException(new Status(StatusCode.Internal, "etcdserver: unexpected failure"));

        var translated = new EtcdErrorTranslator(Secured).Translate("read prefix /tls/", error);

        translated.ShouldBeOfType<StoreException>();
        translated.Message.ShouldEndWith("failed to read prefix /tls/: unexpected failure");
    }

    [TestCase(StatusCode.Unavailable)]
    [TestCase(StatusCode.Internal)]
    public void A_connection_an_etcd_serving_tls_resets_or_closes_on_an_http_endpoint_says_to_use_https(StatusCode code)
    {
        var plain = new EtcdSettings(Endpoints: "http://127.0.0.1:2379");
        var reset = new HttpRequestException(HttpRequestError.Unknown, "Error while copying content", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));
        var closed = new HttpRequestException(HttpRequestError.Unknown, "The response ended prematurely.");

        foreach (var cause in new[] { reset, closed })
        {
            var translated = new EtcdErrorTranslator(plain).Translate("read prefix /sigil/", new RpcException(new Status(code, "Error starting gRPC call.", cause)));

            translated.ShouldBeOfType<StoreUnavailableException>();
            translated.Message.ShouldContain("use https:// endpoints");
        }
    }
}
