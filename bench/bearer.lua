-- wrk script: GET requests with the bearer token in TOKEN; counts answers other than 200.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Accept"] = "application/json"
