-- wrk script: client-credentials token requests (client_secret_post, as the WebAPI SDK sends them)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.body = "grant_type=client_credentials&client_id=" .. os.getenv("CLIENT_ID") .. "&client_secret=" .. os.getenv("CLIENT_SECRET")
