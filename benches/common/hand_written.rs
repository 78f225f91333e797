//! What a careful hand-written client does for `update_listing`: the same
//! checks as its spec, the path segments percent-encoded, the headers, and
//! the body through serde derives. The generated code is measured against it.

use endpoints::http;
use serde::{Deserialize, Serialize};

use super::update_listing;

#[derive(Clone, Copy, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Market {
    Us,
    Eu,
    Jp,
}

impl Market {
    fn as_str(self) -> &'static str {
        match self {
            Market::Us => "us",
            Market::Eu => "eu",
            Market::Jp => "jp",
        }
    }
}

pub struct Listing {
    pub shop_id: String,
    pub listing_id: i64,
    pub authorization: String,
    pub market: Market,
    pub body: ListingBody,
}

#[derive(Serialize)]
pub struct ListingBody {
    pub title: String,
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo_ids: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<i64>,
}

#[derive(Deserialize)]
#[allow(dead_code)] // read by serde only
pub struct ListingReply {
    listing_id: i64,
    shop_id: String,
    title: String,
    tags: Vec<String>,
    photo_ids: Option<Vec<i64>>,
    quantity: Option<i64>,
    state: Option<String>,
    views: Option<i64>,
}

/// A valid request: a shop id that needs percent-encoding, 8 tags, 5 photos.
pub fn listing_request() -> update_listing::Request {
    update_listing::Request {
        shop_id: "north shop/2".into(),
        listing_id: 1_204_511,
        authorization: "Bearer 4f1c2a9e77d0".into(),
        x_market: update_listing::XMarket::Eu,
        title: "Hand-thrown stoneware mug, 350 ml".into(),
        tags: [
            "mug",
            "stoneware",
            "pottery",
            "handmade",
            "kitchen",
            "coffee",
            "tea",
            "gift",
        ]
        .map(String::from)
        .to_vec(),
        photo_ids: Some(vec![9001, 9002, 9003, 9004, 9005]),
        quantity: Some(12),
    }
}

pub fn listing_body() -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "listing_id": 1204511, "shop_id": "north shop/2",
        "title": "Hand-thrown stoneware mug, 350 ml",
        "tags": ["mug", "stoneware", "pottery", "handmade", "kitchen", "coffee", "tea", "gift"],
        "photo_ids": [9001, 9002, 9003, 9004, 9005], "quantity": 12, "state": "active", "views": 310
    }))
    .unwrap()
}

impl Listing {
    pub fn from_generated(r: &update_listing::Request) -> Listing {
        Listing {
            shop_id: r.shop_id.clone(),
            listing_id: r.listing_id,
            authorization: r.authorization.clone(),
            market: match r.x_market {
                update_listing::XMarket::Us => Market::Us,
                update_listing::XMarket::Eu => Market::Eu,
                _ => Market::Jp,
            },
            body: ListingBody {
                title: r.title.clone(),
                tags: r.tags.clone(),
                photo_ids: r.photo_ids.clone(),
                quantity: r.quantity,
            },
        }
    }
}

const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The spec's checks, every broken rule collected, then the request.
pub fn validate_and_encode(r: &Listing) -> Result<http::Request<Vec<u8>>, Vec<&'static str>> {
    validate(r)?;
    encode(r)
}

/// The spec's checks, every broken rule collected.
pub fn validate(r: &Listing) -> Result<(), Vec<&'static str>> {
    let mut broken = Vec::new();
    let shop_len = r.shop_id.chars().count();
    if !(1..=64).contains(&shop_len) {
        broken.push("shop_id length");
    }
    if r.listing_id < 1 {
        broken.push("listing_id minimum");
    }
    if r.authorization.chars().count() < 8 {
        broken.push("Authorization length");
    }
    let title_len = r.body.title.chars().count();
    if !(1..=140).contains(&title_len) {
        broken.push("title length");
    }
    if r.body.tags.len() > 13 {
        broken.push("tags max_items");
    }
    if r.body.photo_ids.as_ref().is_some_and(|p| p.len() > 10) {
        broken.push("photo_ids max_items");
    }
    if r.body.quantity.is_some_and(|q| !(0..=999).contains(&q)) {
        broken.push("quantity range");
    }
    if broken.is_empty() {
        Ok(())
    } else {
        Err(broken)
    }
}

/// The request, path segments percent-encoded.
pub fn encode(r: &Listing) -> Result<http::Request<Vec<u8>>, Vec<&'static str>> {
    let mut url = String::with_capacity(128);
    url.push_str("https://api.example.com/v3/shops/");
    url.extend(percent_encoding::utf8_percent_encode(&r.shop_id, SEGMENT));
    url.push_str("/listings/");
    url.push_str(itoa_like(r.listing_id).as_str());
    let mut auth = http::HeaderValue::from_str(&r.authorization).map_err(|_| vec!["header"])?;
    auth.set_sensitive(true);
    let body = serde_json::to_vec(&r.body).map_err(|_| vec!["body"])?;
    http::Request::builder()
        .method(http::Method::PUT)
        .uri(url)
        .header(http::header::AUTHORIZATION, auth)
        .header("x-market", r.market.as_str())
        .header(http::header::CONTENT_TYPE, "application/json")
        .header(http::header::ACCEPT, "application/json")
        .body(body)
        .map_err(|_| vec!["request"])
}

fn itoa_like(n: i64) -> String {
    n.to_string()
}
