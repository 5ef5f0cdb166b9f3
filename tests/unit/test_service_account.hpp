#pragma once
// A Google service-account key file for tests (task-service's profile checks, the FCM renderer
// and sender), with a key pair made for the tests only (openssl genpkey -algorithm RSA).
// It protects nothing.
#include <nlohmann/json.hpp>
#include <string>

namespace todo::testing {

// A 2048-bit RSA key pair made for this test only (openssl genpkey -algorithm RSA), in the forms
// a Google service-account file holds: PKCS#8 private key, SubjectPublicKeyInfo public key.
// It protects nothing.
inline const char* const kTestPrivateKey = R"(-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDa0VdFzabkWE2h
ZYpV7LajzxSc78Maq9/s+6rrT8Mj0wNQpHDV+92rg/4IDVMOMTANfMKbEtpm+j8S
ZEmB2nMX6PNSp9qa/sphixGRgzSdDZLnJ6PiFJztB56XgCCCGnC4cYfBrDhnS6h1
d1OsHBeUC+D29ihXcCJaEa/cRhOUc/gjIbFYTp72Cds09MKlw+2b6rp/qUjF1381
D+KJBLETcZbLDdCz3vmpXLmjbp3MAhGwIO5Fvl0684+OQ/JTDqrmYYIY936qE2rL
Bz7I95lgEc1ixWRNZ+vhAn7OajHvJxJj/8NMG+NIAjl+C398X+e7h/uqJILwCuZv
tyKlwaTFAgMBAAECggEADQgQmYCg4tJ7dRQ2A94AFotbn+kLhogb4uIuEKuEZJrJ
hMD2U1gXoIJQ26vneV3mjbcTY+bgiOd4YCEG26vl1NOzwgVrGHX6GYsNtcvJk1ze
ldOfh/RQUDF2+XDQ/s6STfm86wTVqxkvZCeCHSrjIJcAg9SvHF36PcD15zlpKxsM
wZIHBjTFbG35FHlBSqKUX7BQbJtgXHTbX8PgNt0N4Vivhz+uowjLO5ly0uMnOtb5
swbn0JWuWMbU/GAyEpL4XtjXhSbjzskXB2TwU7iuHsSyV7BM9C4FLoDPY6A5JlIG
ZyCtIeYCezQlsm4Vs5z1rGjsCjL45aMWuBGR40eElQKBgQD3COlIPPFGD4900W5k
qdjC2iqokvwEbzqsln4Xp48KpkyXubucazdwJKNQWvk60FKkRWfqNsLGityDxBSd
slJCqp8hrZvCUOyM/AprwjArujGbGUxy6GJxdFtAeiIFXOtAlI6YRzX4XsARGD4+
3KsK/kZRQg+Xur87qFgjEEaS8wKBgQDiwkcQWPe0x48X2PnBn5NXNatWA0DIQH6H
78EVq8nzZ0UUD5oZWDybZh1HJ2cDvwAiUMZXU47YDTeHahUyNTrvXKv8dbHb2l84
jdu4KBk66sIEesEds8wg2+U7zuVo0DSOorRACTe/73LEVYyz4uS5fi9WHV+N9snn
1VKrkoCnZwKBgQDDbopXetcJrS+5pCHogzIX3M7YtAeqXnCVry0r+4Q/UZbQhcB1
m6CtGF8XKBF5xOtMSBhQg2gN+DdCCvKgWz2WvjLMSvMphCnP02lPHL5NKa0q3ZXM
ZinTRdEXLkgR5BO88Inq0JNS3WqnW32K77plJQpuKIv7ZmL5iFHJ04txnwKBgEYV
I1+DD7O4xZnqPm7AQgp/FOA1iy0Y+cJLsFJhUL5AmZH0rHzOz5R7v+rA287FlmYE
rvhIY+qUUygv+jMVToyyCJmzSnAXkrxo45KMGhgifCpkQhFLA3jYXYXZkP+O8d9v
m+P6tVdFyyOxCRaDtos526ly1JiMwKQ9Qxqx4b9bAoGADMMyn2JFbrI0g2JsO+HY
KoHk/fJwZm7cnIc67t0ICWENzArWdMYjxuzv4DOARfvUwbAREGYj0l2M24b41wX7
IRWjqNYawLp/255VhLD1ZIze5Ugzz+5trNVsk/9C5RougeLlTTedtiK9e7DmBn1F
OiDyUTCrrf6aiBq7JnfPsMI=
-----END PRIVATE KEY-----
)";
inline const char* const kTestPublicKey = R"(-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2tFXRc2m5FhNoWWKVey2
o88UnO/DGqvf7Puq60/DI9MDUKRw1fvdq4P+CA1TDjEwDXzCmxLaZvo/EmRJgdpz
F+jzUqfamv7KYYsRkYM0nQ2S5yej4hSc7Qeel4AgghpwuHGHwaw4Z0uodXdTrBwX
lAvg9vYoV3AiWhGv3EYTlHP4IyGxWE6e9gnbNPTCpcPtm+q6f6lIxdd/NQ/iiQSx
E3GWyw3Qs975qVy5o26dzAIRsCDuRb5dOvOPjkPyUw6q5mGCGPd+qhNqywc+yPeZ
YBHNYsVkTWfr4QJ+zmox7ycSY//DTBvjSAI5fgt/fF/nu4f7qiSC8Armb7cipcGk
xQIDAQAB
-----END PUBLIC KEY-----
)";
// The public half of another test key pair: must not verify the assertion.
inline const char* const kOtherPublicKey = R"(-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyfioy7qTHs2JFwfABI1Y
0sR5J6ZlR7hohS752zwRPjJMk9qbGrs/bDW+0Pt05dIgNgHtL5j3RHiYXfTCCpjp
OyCdWurLZBa9vOIkPviWi18zWt2Y7Gj1oLrbztesARTjz7o1wX3QmTZNRl/ubbVg
/GibuaF+BZNEa0GmFKwL6Uu1Fjqo1p1zSNpc8F/RrTzoQICZEmf7GhQSavYSHRiw
q0du/Ir5bHiZYizp9PJN+IJo8tVEqnbD6oBG3HInk6LRjE4QrACPdCfeGIeW6LN6
OANxaUP92IYvfXLgHR00jBeTdSyh6osypvLWZvGVT17F+P15x60VDjkjP9Kctn6+
/wIDAQAB
-----END PUBLIC KEY-----
)";

inline std::string service_account_json(const std::string& private_pem) {
  return nlohmann::json{{"type", "service_account"},
                        {"project_id", "todo-demo"},
                        {"private_key_id", "abc123"},
                        {"private_key", private_pem},
                        {"client_email", "notifier@todo-demo.iam.gserviceaccount.com"},
                        {"client_id", "1234567890"},
                        {"auth_uri", "https://accounts.google.com/o/oauth2/auth"},
                        {"token_uri", "https://oauth2.googleapis.com/token"}}
      .dump();
}

}  // namespace todo::testing
