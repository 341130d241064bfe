"""Drives the local Cognito Identity and SSM stand-ins with botocore (boto3), as a Python user would.

Run by BotocoreSigV4Test. Reads one JSON object on stdin:
  {"app": "http://127.0.0.1:<port>", "idToken": "<id token of the local user pool>",
   "opsIdToken": "<id token of the ops user>", "identityPool": "...", "provider": "...",
   "expired": {"accessKeyId": ..., "secretKey": ..., "sessionToken": ...}}
and prints one JSON line with the outcome of each call: {"<case>": {"value": ...} or {"error": "<AWS error code>"}}.
Secrets stay out of the output. Exits 3 with {"missing": "<module>"} when boto3 is not installed.
"""
import json
import sys

try:
    import boto3
    from botocore import UNSIGNED
    from botocore.config import Config
    from botocore.exceptions import ClientError
except ImportError as missing:
    print(json.dumps({"missing": missing.name}))
    sys.exit(3)

REGION = "us-east-1"
PARAMETER = "fa-012-authenticated"
# One attempt per call, short timeouts: a refusal must show as itself, not as a retry storm.
CONFIG = {"retries": {"total_max_attempts": 1}, "connect_timeout": 5, "read_timeout": 10}


def ssm(endpoint, access_key_id, secret_key, session_token):
    return boto3.client("ssm", endpoint_url=endpoint, region_name=REGION, aws_access_key_id=access_key_id,
                        aws_secret_access_key=secret_key, aws_session_token=session_token, config=Config(**CONFIG))


def outcome(call):
    try:
        return {"value": call()["Parameter"]["Value"]}
    except ClientError as error:
        return {"error": error.response["Error"]["Code"]}


def credentials(identity, given, id_token):
    """The tutorial's browser steps, with boto3: GetId and GetCredentialsForIdentity are unsigned calls."""
    logins = {given["provider"]: id_token}
    identity_id = identity.get_id(IdentityPoolId=given["identityPool"], Logins=logins)["IdentityId"]
    issued = identity.get_credentials_for_identity(IdentityId=identity_id, Logins=logins)["Credentials"]
    return issued["AccessKeyId"], issued["SecretKey"], issued["SessionToken"]


def error_of(call):
    try:
        call()
        return {"error": None}
    except ClientError as error:
        return {"error": error.response["Error"]["Code"]}


def history(client, name, **kwargs):
    """Every version through botocore's own paginator, one page per PageSize: what each page held, and the versions."""
    pages = list(client.get_paginator("get_parameter_history").paginate(Name=name, **kwargs))
    versions = [version for page in pages for version in page["Parameters"]]
    return {"pageSizes": [len(page["Parameters"]) for page in pages],
            "versions": [{"version": v["Version"], "type": v["Type"], "labels": v.get("Labels", []),
                          "lastModifiedUser": v.get("LastModifiedUser")} for v in versions],
            "values": [v["Value"] for v in versions if v["Type"] == "String"]}


def main():
    given = json.load(sys.stdin)
    endpoint = given["app"] + "/local"

    identity = boto3.client("cognito-identity", endpoint_url=endpoint, region_name=REGION,
                            config=Config(signature_version=UNSIGNED, **CONFIG))
    key, secret, token = credentials(identity, given, given["idToken"])
    expired = given["expired"]
    ops = ssm(endpoint, *credentials(identity, given, given["opsIdToken"]))

    outcomes = {
        "allowed": outcome(lambda: ssm(endpoint, key, secret, token).get_parameter(Name=PARAMETER)),
        "otherParameter": outcome(lambda: ssm(endpoint, key, secret, token).get_parameter(Name="other-secret")),
        "wrongSecret": outcome(lambda: ssm(endpoint, key, "x" + secret, token).get_parameter(Name=PARAMETER)),
        "expired": outcome(lambda: ssm(endpoint, expired["accessKeyId"], expired["secretKey"], expired["sessionToken"])
                           .get_parameter(Name=PARAMETER)),
        # botocore signs the path as given: /local/ here, /local above.
        "trailingSlash": outcome(lambda: ssm(endpoint + "/", key, secret, token).get_parameter(Name=PARAMETER)),
        # botocore keeps an endpoint's query and signs it (names sort by byte: Alpha < alpha < probe).
        "query": outcome(lambda: ssm(endpoint + "?probe=a%20b&alpha=2&Alpha=1", key, secret, token)
                         .get_parameter(Name=PARAMETER)),
        # Versions: the paginator of GetParameterHistory, name:version and name:label selectors.
        "history": history(ops, "/portal/ops/db-url", PaginationConfig={"PageSize": 2}),
        "secureHistory": {"decrypted": [v["Value"] for v in ops.get_parameter_history(
                              Name="/portal/ops/api-key", WithDecryption=True)["Parameters"]],
                          "encryptedShown": any(v["Value"].startswith("demo-api-key") for v in ops.get_parameter_history(
                              Name="/portal/ops/api-key")["Parameters"])},
        "tooManyResults": error_of(lambda: ops.get_parameter_history(Name="/portal/ops/db-url", MaxResults=51)),
        "historyDenied": error_of(lambda: ssm(endpoint, key, secret, token).get_parameter_history(Name="/portal/ops/db-url")),
        "version1": outcome(lambda: ops.get_parameter(Name="/portal/ops/db-url:1")),
        "labelProd": outcome(lambda: ops.get_parameter(Name="/portal/ops/db-url:prod")),
        "secureVersion1": outcome(lambda: ops.get_parameter(Name="/portal/ops/api-key:1", WithDecryption=True)),
        "missingVersion": outcome(lambda: ops.get_parameter(Name="/portal/ops/db-url:9")),
    }
    print(json.dumps(outcomes))


if __name__ == "__main__":
    main()
