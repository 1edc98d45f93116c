using System.Globalization;

namespace SigilGate.Testing.Servers;

/// <summary>
/// The nginx configuration of <see cref="HttpGitServer"/>: git http-backend through fcgiwrap,
/// behind basic authentication, as Git's documentation deploys smart HTTP
/// (https://git-scm.com/docs/git-http-backend). Every path nginx writes is in the server's folder,
/// so nothing of the machine's own nginx (pid, logs, temp folders) is touched.
/// </summary>
internal static class NginxConfig
{
    public static string Text(string root, int port, string account, string socket, string htpasswd, string projectRoot)
    {
        var temp = Path.Combine(root, "nginx-temp");
        return $$"""
            daemon off;
            master_process on;
            user {{account}};
            worker_processes 1;
            pid {{Path.Combine(root, "nginx.pid")}};
            error_log stderr warn;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path {{temp}}/body;
                fastcgi_temp_path {{temp}}/fastcgi;
                proxy_temp_path {{temp}}/proxy;
                scgi_temp_path {{temp}}/scgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                server {
                    listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                    client_max_body_size 0;
                    location / {
                        auth_basic "network repositories";
                        auth_basic_user_file {{htpasswd}};
                        fastcgi_pass unix:{{socket}};
                        fastcgi_param SCRIPT_FILENAME /usr/lib/git-core/git-http-backend;
                        fastcgi_param GIT_PROJECT_ROOT {{projectRoot}};
                        fastcgi_param GIT_HTTP_EXPORT_ALL "";
                        fastcgi_param PATH_INFO $uri;
                        fastcgi_param REMOTE_USER $remote_user;
                        fastcgi_param REMOTE_ADDR $remote_addr;
                        fastcgi_param REQUEST_METHOD $request_method;
                        fastcgi_param QUERY_STRING $query_string;
                        fastcgi_param CONTENT_TYPE $content_type;
                        fastcgi_param CONTENT_LENGTH $content_length;
                        fastcgi_param SERVER_PROTOCOL $server_protocol;
                    }
                }
            }

            """;
    }
}
