#!/usr/bin/env python3
# A stand-in for the 1Password CLI (op 2.x) for tests: the subcommands aws-sso's 1password store
# uses, with op's JSON shapes and error style, keeping vaults and items in the JSON file named by
# OP_STANDIN_STATE. OP_STANDIN_ACCOUNT is the one account desktop sign-in (--account) accepts,
# OP_STANDIN_TOKEN the one service-account token (OP_SERVICE_ACCOUNT_TOKEN). Each call is logged
# to OP_STANDIN_LOG (its arguments, and whether a token came in the environment; never the token).
# It runs in the foreground, starts nothing, and exits.
import datetime
import fcntl
import json
import os
import secrets
import sys

ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"


def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def fail(message, code=1):
    stamp = datetime.datetime.now().strftime("%Y/%m/%d %H:%M:%S")
    sys.stderr.write("[ERROR] %s %s\n" % (stamp, message))
    sys.exit(code)


def new_id():
    return "".join(secrets.choice(ALPHABET) for _ in range(26))


def parse(argv):
    flags, words = {}, []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a.startswith("--"):
            name, eq, value = a[2:].partition("=")
            if not eq:
                if i + 1 >= len(argv):
                    fail("flag needs an argument: --" + name)
                value = argv[i + 1]
                i += 1
            flags[name] = value
        else:
            words.append(a)
        i += 1
    return flags, words


def authenticate(flags):
    token = os.environ.get("OP_SERVICE_ACCOUNT_TOKEN")
    if token:
        if token != os.environ.get("OP_STANDIN_TOKEN"):
            fail("failed to session with service account: invalid service account token")
        return
    account = flags.get("account") or os.environ.get("OP_ACCOUNT")
    if not account:
        fail("no account found: sign in with 'op signin' or use --account")
    if account != os.environ.get("OP_STANDIN_ACCOUNT"):
        fail('no account found for filter "%s"' % account)


def find_vault(state, ref):
    for v in state["vaults"]:
        if v["id"] == ref or v["name"] == ref:
            return v
    fail('"%s" isn\'t a vault in this account. Specify the vault with its ID or name.' % ref)


def overview(item, vault):
    return {
        "id": item["id"], "title": item["title"], "version": item["version"],
        "vault": {"id": vault["id"], "name": vault["name"]}, "category": item["category"],
        "last_edited_by": "STANDINUSER0000000000000000", "created_at": item["created_at"],
        "updated_at": item["updated_at"],
    }


def full(item, vault):
    out = overview(item, vault)
    fields = []
    for f in item["fields"]:
        f = dict(f)
        f["reference"] = "op://%s/%s/%s" % (vault["name"], item["title"], f["id"])
        fields.append(f)
    out["fields"] = fields
    return out


def read_template(flags):
    path = flags.get("template")
    if not path:
        fail("this stand-in reads items only from --template")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def clean_fields(template):
    fields = []
    for f in template.get("fields", []):
        field = {"id": f.get("id") or new_id(), "type": f.get("type", "STRING"), "label": f.get("label", "")}
        for key in ("purpose", "value", "section"):
            if key in f:
                field[key] = f[key]
        fields.append(field)
    return fields


def main():
    flags, words = parse(sys.argv[1:])
    log = os.environ.get("OP_STANDIN_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write(json.dumps({"argv": sys.argv[1:],
                                "token": bool(os.environ.get("OP_SERVICE_ACCOUNT_TOKEN"))}) + "\n")
    if words == ["--version"] or flags.get("version") is not None:
        print("2.30.0")
        return
    if flags.get("format", "human") != "json":
        fail("this stand-in only speaks --format json")
    authenticate(flags)
    path = os.environ["OP_STANDIN_STATE"]
    with open(path + ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with open(path, encoding="utf-8") as f:
            state = json.load(f)
        result, changed = run(state, flags, words)
        if changed:
            tmp = path + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(state, f, indent=2)
            os.replace(tmp, path)
    print(json.dumps(result, indent=2))


def run(state, flags, words):
    if words == ["vault", "list"]:
        return [{"id": v["id"], "name": v["name"], "content_version": v.get("content_version", 1),
                 "created_at": v.get("created_at", now()), "updated_at": v.get("updated_at", now()),
                 "items": len([i for i in state["items"] if i["vault"] == v["id"]])}
                for v in state["vaults"]], False
    if len(words) < 2 or words[0] != "item":
        fail('unknown command "%s" for "op"' % " ".join(words))
    vault = find_vault(state, flags.get("vault", ""))
    in_vault = [i for i in state["items"] if i["vault"] == vault["id"]]
    verb = words[1]
    if verb == "list" and len(words) == 2:
        return [overview(i, vault) for i in in_vault], False
    if verb == "get" and len(words) == 3:
        for i in in_vault:
            if words[2] in (i["id"], i["title"]):
                return full(i, vault), False
        fail('"%s" isn\'t an item in the "%s" vault. Specify the item with its UUID, name, or domain.'
             % (words[2], vault["name"]))
    if verb == "create" and len(words) == 2:
        t = read_template(flags)
        stamp = now()
        fields = clean_fields(t)
        if t.get("category") == "SECURE_NOTE" and not any(f["id"] == "notesPlain" for f in fields):
            fields.insert(0, {"id": "notesPlain", "type": "STRING", "purpose": "NOTES", "label": "notesPlain"})
        item = {"id": new_id(), "title": flags.get("title") or t.get("title") or "Untitled Secure Note",
                "category": t.get("category", "SECURE_NOTE"), "version": 1, "vault": vault["id"],
                "created_at": stamp, "updated_at": stamp, "fields": fields}
        state["items"].append(item)
        return full(item, vault), True
    if verb == "edit" and len(words) == 3:
        for i in in_vault:
            if words[2] in (i["id"], i["title"]):
                t = read_template(flags)
                i["title"] = t.get("title", i["title"])
                i["fields"] = clean_fields(t)
                i["version"] += 1
                i["updated_at"] = now()
                return full(i, vault), True
        fail('"%s" isn\'t an item in the "%s" vault.' % (words[2], vault["name"]))
    fail('unknown command "%s" for "op"' % " ".join(words))


if __name__ == "__main__":
    main()
