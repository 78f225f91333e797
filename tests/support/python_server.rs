//! A real server written in Python (Django REST framework, httpbin), run on
//! a free port of 127.0.0.1 for one test and killed when dropped (a failed
//! assertion included). Its request log (wsgiref's, one line a request on
//! stderr) is kept.

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct PythonServer {
    child: Child,
    #[allow(dead_code)] // read by the tests that speak raw HTTP to it
    pub port: u16,
    pub url: String,
    log: Arc<Mutex<Vec<String>>>,
}

impl PythonServer {
    /// Runs `python3 script PORT` in `tests/servers/<dir>`, once `imports`
    /// import (else the test fails saying to install `tests/servers/<dir>/
    /// requirements.txt`), and waits up to 20 s for it to listen.
    pub fn start(dir: &str, script: &str, imports: &str) -> PythonServer {
        let dir = format!("{}/tests/servers/{dir}", env!("CARGO_MANIFEST_DIR"));
        let check = Command::new("python3")
            .args(["-c", &format!("import {imports}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        assert!(
            check.is_ok_and(|s| s.success()),
            "python3 cannot import {imports}: run `pip install -r {dir}/requirements.txt`"
        );

        // A free port: bound by the OS, then released for the server.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = Command::new("python3")
            .arg(script)
            .arg(port.to_string())
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("python3 runs");
        let log = Arc::new(Mutex::new(Vec::new()));
        let stderr = BufReader::new(child.stderr.take().unwrap());
        let lines = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        });
        let mut server = PythonServer {
            child,
            port,
            url: format!("http://127.0.0.1:{port}"),
            log,
        };

        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("{script} exited ({status}): {:#?}", server.log());
            }
            assert!(
                Instant::now() < deadline,
                "{script} did not listen within 20 s: {:#?}",
                server.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// Every line the server has logged so far.
    pub fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// The logged lines holding `needle`, once `expected` of them are there
    /// (a line is written just after its response), or after 5 s.
    #[allow(dead_code)] // read by the tests that check the server's log
    pub fn lines_with(&self, needle: &str, expected: usize) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(5);
        let matching = || -> Vec<String> {
            self.log()
                .into_iter()
                .filter(|l| l.contains(needle))
                .collect()
        };
        while matching().len() < expected && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        matching()
    }
}

impl Drop for PythonServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
